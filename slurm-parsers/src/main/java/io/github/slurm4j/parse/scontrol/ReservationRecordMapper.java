package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.Tres;
import java.util.List;
import java.util.Set;

/** Maps {@code scontrol show reservation} records. Values are trimmed. */
final class ReservationRecordMapper extends RecordMapper<Reservation.Builder, Reservation> {
    static final List<String> KEYS = List.of("ReservationName", "StartTime", "EndTime", "Duration", "Nodes",
            "NodeCnt", "CoreCnt", "Features", "PartitionName", "Flags", "TRES", "Users", "Groups", "Accounts",
            "Licenses", "State", "BurstBuffer", "Watts", "MaxStartDelay", "Comment");

    static final KeySet KEY_SET = new KeySet(KEYS, Set.of("Comment"), Set.of());

    ReservationRecordMapper() {
        super("scontrol show reservation", KEY_SET, true, false, Checks.NONE);
    }

    @Override
    Reservation.Builder start() {
        return Reservation.builder(tok.value());
    }

    @Override
    Reservation finish(Reservation.Builder b) {
        return b.build();
    }

    private List<String> list() {
        return NodeRecordMapper.commaList(text());
    }

    @Override
    void apply(Reservation.Builder b, String key) {
        switch (key) {
            case "StartTime" -> b.startTime(JobRecordMapper.time(value()));
            case "EndTime" -> b.endTime(JobRecordMapper.time(value()));
            case "Duration" -> b.duration(SlurmDuration.parse(value()));
            case "Nodes" -> b.nodes(text());
            case "NodeCnt" -> b.nodeCount(integer());
            case "CoreCnt" -> b.coreCount(integer());
            case "Features" -> b.features(text());
            case "PartitionName" -> b.partition(text());
            case "Flags" -> b.flags(list());
            case "TRES" -> b.tres(Tres.parse(value()));
            case "Users" -> b.users(list());
            case "Groups" -> b.groups(list());
            case "Accounts" -> b.accounts(list());
            case "Licenses" -> b.licenses(text());
            case "State" -> b.state(value());
            case "BurstBuffer" -> b.burstBuffer(text());
            case "Watts" -> b.watts(value());
            case "MaxStartDelay" -> b.maxStartDelay(text());
            case "Comment" -> b.comment(value());
            default -> b.extra(key, value());
        }
    }
}
