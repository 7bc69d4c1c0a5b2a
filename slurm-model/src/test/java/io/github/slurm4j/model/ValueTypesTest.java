package io.github.slurm4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void durationsInEverySlurmNotation() {
        assertThat(SlurmDuration.parse("05")).isEqualTo(Duration.ofSeconds(5));
        assertThat(SlurmDuration.parse("01:54")).isEqualTo(Duration.ofSeconds(114));
        assertThat(SlurmDuration.parse("00:02:44")).isEqualTo(Duration.ofSeconds(164));
        assertThat(SlurmDuration.parse("1-02:04:00")).isEqualTo(Duration.ofHours(26).plusMinutes(4));
        assertThat(SlurmDuration.parse("2-03")).isEqualTo(Duration.ofHours(51));
        assertThat(SlurmDuration.parse("2-03:10")).isEqualTo(Duration.ofHours(51).plusMinutes(10));
        assertThat(SlurmDuration.parse("00:01.234")).isEqualTo(Duration.ofMillis(1234));
        assertThat(SlurmDuration.parse("01:02:03.5")).isEqualTo(Duration.ofSeconds(3723).plusMillis(500));
        assertThat(SlurmDuration.tryParse("UNLIMITED")).isNull();
        assertThat(SlurmDuration.tryParse("1:2:3:4")).isNull();
        assertThat(SlurmDuration.tryParse("-01:00")).isNull();
        assertThat(SlurmDuration.tryParse("")).isNull();
        assertThat(SlurmDuration.tryParse(null)).isNull();
        assertThat(SlurmDuration.isDuration("12:00")).isTrue();
        assertThatThrownBy(() -> SlurmDuration.parse("abc")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abc");
    }

    @Test
    void durationFormatRoundTripsProperty() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Duration d = Duration.ofSeconds(random.nextInt(40 * 86_400));
            assertThat(SlurmDuration.parse(SlurmDuration.format(d))).isEqualTo(d);
        }
        assertThat(SlurmDuration.format(Duration.ofSeconds(114))).isEqualTo("00:01:54");
        assertThat(SlurmDuration.format(Duration.ofHours(26).plusMinutes(4))).isEqualTo("1-02:04:00");
        assertThatThrownBy(() -> SlurmDuration.format(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeLimitsAndTheirSentinels() {
        assertThat(TimeLimit.parse("UNLIMITED")).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(TimeLimit.parse("infinite")).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(TimeLimit.parse("Partition_Limit")).isEqualTo(TimeLimit.PARTITION_LIMIT);
        assertThat(TimeLimit.parse("INVALID")).isEqualTo(TimeLimit.INVALID);
        assertThat(TimeLimit.parse("N/A")).isEqualTo(TimeLimit.NOT_SET);
        TimeLimit t = TimeLimit.parse("1-02:04:00");
        assertThat(t.isLimited()).isTrue();
        assertThat(t.minutes().getAsLong()).isEqualTo(26 * 60 + 4);
        assertThat(t.toString()).isEqualTo("1-02:04:00");
        assertThat(TimeLimit.parse("30:00").minutes().getAsLong()).isEqualTo(30);
        assertThat(TimeLimit.UNLIMITED.minutes()).isEmpty();
        assertThat(TimeLimit.UNLIMITED.toString()).isEqualTo("UNLIMITED");
        assertThat(TimeLimit.PARTITION_LIMIT.toString()).isEqualTo("Partition_Limit");
        assertThatThrownBy(() -> new TimeLimit(TimeLimit.Kind.UNLIMITED, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeLimit.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesWithSentinelsAndZones() {
        SlurmTime t = SlurmTime.parse("2026-11-20T22:28:11");
        assertThat(t.isSet()).isTrue();
        assertThat(t.dateTime()).isEqualTo(LocalDateTime.of(2026, 11, 20, 22, 28, 11));
        assertThat(t.toEpochSecond(ZoneOffset.UTC)).isEqualTo(1795213691L);
        assertThat(t.toInstant(ZoneId.of("Europe/Paris")).get().getEpochSecond()).isEqualTo(1795213691L - 3600);
        assertThat(t.toString()).isEqualTo("2026-11-20T22:28:11");
        assertThat(SlurmTime.parse("2026-11-20T22:28:00").toString()).isEqualTo("2026-11-20T22:28:00");
        assertThat(SlurmTime.parse("Unknown")).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(SlurmTime.parse("None")).isEqualTo(SlurmTime.NONE);
        assertThat(SlurmTime.parse("N/A")).isEqualTo(SlurmTime.NOT_APPLICABLE);
        assertThat(SlurmTime.parse("(null)")).isEqualTo(SlurmTime.NOT_APPLICABLE);
        assertThat(SlurmTime.NONE.toEpochSecond(ZoneOffset.UTC)).isZero();
        assertThat(SlurmTime.UNKNOWN.toInstant(ZoneOffset.UTC)).isEmpty();
        assertThat(SlurmTime.ofEpochSecond(1795213691L, ZoneOffset.UTC)).isEqualTo(t);
        assertThat(SlurmTime.ofEpochSecond(0, ZoneOffset.UTC)).isEqualTo(SlurmTime.NONE);
        assertThatThrownBy(() -> SlurmTime.parse("yesterday")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
    }

    @Test
    void memoryAmountsAreBinaryBytes() {
        assertThat(MemorySize.parseBytes("300M")).isEqualTo(300 * MemorySize.MIB);
        assertThat(MemorySize.parseBytes("62.50G")).isEqualTo(64000 * MemorySize.MIB);
        assertThat(MemorySize.parseBytes("1508K")).isEqualTo(1508 * 1024L);
        assertThat(MemorySize.parseBytes("8000")).isEqualTo(8000 * MemorySize.MIB);
        assertThat(MemorySize.parseBytes("8000", 1)).isEqualTo(8000);
        assertThat(MemorySize.parseBytes("0")).isZero();
        assertThat(MemorySize.parseBytes("47.68 MB")).isEqualTo(Math.round(47.68 * MemorySize.MIB));
        assertThat(MemorySize.parseBytes("2GiB")).isEqualTo(2 * MemorySize.GIB);
        assertThat(MemorySize.parseBytes("16B", MemorySize.MIB)).isEqualTo(16);
        assertThat(MemorySize.parseBytes("1T")).isEqualTo(MemorySize.TIB);
        assertThat(MemorySize.parseBytes("1P")).isEqualTo(MemorySize.PIB);
        assertThat(MemorySize.toMib(300 * MemorySize.MIB + 5)).isEqualTo(300);
        assertThatThrownBy(() -> MemorySize.parseBytes("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemorySize.parseBytes("M")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemorySize.parseBytes("-5M")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void memoryRequestsKnowWhatTheyArePer() {
        assertThat(MemoryRequest.parseReqMem("4000Mn")).isEqualTo(MemoryRequest.perNode(4000 * MemorySize.MIB));
        assertThat(MemoryRequest.parseReqMem("4Gc")).isEqualTo(MemoryRequest.perCpu(4 * MemorySize.GIB));
        assertThat(MemoryRequest.parseReqMem("300M")).isEqualTo(new MemoryRequest(300 * MemorySize.MIB, MemoryRequest.Per.UNSPECIFIED));
        assertThat(MemoryRequest.parseReqMem("300M").mib()).isEqualTo(300);
        assertThatThrownBy(() -> new MemoryRequest(-1, MemoryRequest.Per.NODE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tresKeepsOrderAndReadsTypedValues() {
        Tres t = Tres.parse("cpu=6,mem=1668M,node=1,billing=6,gres/gpu=1");
        assertThat(t.asMap()).containsExactly(
                java.util.Map.entry("cpu", "6"), java.util.Map.entry("mem", "1668M"), java.util.Map.entry("node", "1"),
                java.util.Map.entry("billing", "6"), java.util.Map.entry("gres/gpu", "1"));
        assertThat(t.cpus()).hasValue(6);
        assertThat(t.nodes()).hasValue(1);
        assertThat(t.billing()).hasValue(6);
        assertThat(t.memoryBytes()).hasValue(1668 * MemorySize.MIB);
        assertThat(t.gpus()).hasValue(1);
        assertThat(t.toString()).isEqualTo("cpu=6,mem=1668M,node=1,billing=6,gres/gpu=1");
        assertThat(Tres.parse("cpu=8,gres/gpu:a100=2,gres/gpu:v100=1").gpus()).hasValue(3);
        assertThat(Tres.parse("cpu=8").gpus()).isEmpty();
        // counted once, then kept: the statistics ask it of every job sharing this Tres
        Tres typed = Tres.parse("cpu=8,gres/gpu:a100=2,gres/gpu:v100=1");
        assertThat(typed.gpus()).hasValue(3).isSameAs(typed.gpus());
        // GRES syntax in squeue's tres-alloc of a real cluster (peer fixture unknown-version-ood/non_utf8_job_name)
        assertThat(Tres.parse("cpu=40,mem=4556M,node=1,billing=40,gres/gpfs:ess:1").asMap())
                .containsEntry("gres/gpfs:ess", "1").containsEntry("cpu", "40");
        assertThatThrownBy(() -> Tres.parse("cpu=1,gpfs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tres.parse("cpu=1,gres/gpfs:ess:x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tres.parse("mem=62.50G").memoryBytes()).hasValue(64000 * MemorySize.MIB);
        Tres usage = Tres.parse("cpu=00:00:01,energy=0,fs/disk=2012,mem=1508K,pages=0,vmem=216K");
        assertThat(usage.duration("cpu")).hasValue(Duration.ofSeconds(1));
        assertThat(usage.bytes("mem")).hasValue(1508 * 1024L);
        assertThat(usage.bytes("fs/disk")).hasValue(2012);
        assertThat(usage.count("cpu")).isEmpty();
        assertThat(Tres.parse("(null)")).isSameAs(Tres.EMPTY);
        assertThat(Tres.parse("")).isEqualTo(Tres.EMPTY);
        assertThat(Tres.parse(null).isEmpty()).isTrue();
        assertThat(Tres.parse("cpu=1")).isEqualTo(Tres.of(java.util.Map.of("cpu", "1"))).hasSameHashCodeAs(Tres.of(java.util.Map.of("cpu", "1")));
        assertThatThrownBy(() -> Tres.parse("cpu=1,junk")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk");
    }

    @Test
    void exitCodesAreStatusAndSignal() {
        assertThat(ExitCode.parse("0:0").isSuccess()).isTrue();
        assertThat(ExitCode.parse("138:0")).isEqualTo(new ExitCode(138, 0));
        assertThat(ExitCode.parse("0:15").signal()).isEqualTo(15);
        assertThat(ExitCode.parse("3")).isEqualTo(new ExitCode(3, 0));
        assertThat(new ExitCode(0, 9).toString()).isEqualTo("0:9");
        assertThatThrownBy(() -> ExitCode.parse("x:y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usersWithNamesAndIds() {
        assertThat(UserRef.parse("alice(1001)")).isEqualTo(new UserRef("alice", 1001L));
        assertThat(UserRef.parse("root(0)").toString()).isEqualTo("root(0)");
        assertThat(UserRef.parse("alice")).isEqualTo(new UserRef("alice", null));
        assertThat(UserRef.parse("1001")).isEqualTo(new UserRef(null, 1001L));
        assertThat(UserRef.parse("we(ird)")).isEqualTo(new UserRef("we(ird)", null));
        assertThatThrownBy(() -> UserRef.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jobIdsOfArraysHetJobsAndSteps() {
        assertThat(JobId.parse("14")).isEqualTo(JobId.of(14));
        JobId element = JobId.parse("17_1");
        assertThat(element.id()).isEqualTo(17);
        assertThat(element.arrayTask()).isEqualTo("1");
        assertThat(element.isArray()).isTrue();
        assertThat(element.isArrayRange()).isFalse();
        JobId range = JobId.parse("17_[3-6%2]");
        assertThat(range.isArrayRange()).isTrue();
        assertThat(ArrayTaskSpec.parse(range.arrayTask()).tasks()).containsExactly(3, 4, 5, 6);
        assertThat(ArrayTaskSpec.parse(range.arrayTask()).throttle()).isEqualTo(2);
        JobId het = JobId.parse("21+1");
        assertThat(het.hetOffset()).isEqualTo(1);
        assertThat(het.isHetComponent()).isTrue();
        JobId step = JobId.parse("17_1.batch");
        assertThat(step.step()).isEqualTo("batch");
        assertThat(step.isStep()).isTrue();
        assertThat(step.job()).isEqualTo(element);
        assertThat(JobId.parse("21+0.0").toString()).isEqualTo("21+0.0");
        assertThat(JobId.parse("14.extern").stepName()).hasValue("extern");
        for (String s : new String[] {"14", "17_1", "17_[3-6%2]", "21+0", "14.batch", "17_1.0", "21+1.0"}) {
            assertThat(JobId.parse(s).toString()).isEqualTo(s);
        }
        for (String bad : new String[] {"", "x", "14.", "17_", "21+", "17_[3-6", "14 x"}) {
            assertThatThrownBy(() -> JobId.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void arrayTaskSpecs() {
        assertThat(ArrayTaskSpec.parse("1-5").tasks()).containsExactly(1, 2, 3, 4, 5);
        assertThat(ArrayTaskSpec.parse("1,3,5-9:2%4").tasks()).containsExactly(1, 3, 5, 7, 9);
        assertThat(ArrayTaskSpec.parse("1,3,5-9:2%4").throttle()).isEqualTo(4);
        assertThat(ArrayTaskSpec.parse("[3-6%2]").toString()).isEqualTo("3-6%2");
        assertThat(ArrayTaskSpec.parse("7").throttle()).isNull();
        assertThatThrownBy(() -> ArrayTaskSpec.parse("5-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArrayTaskSpec.parse("a-b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArrayTaskSpec.parse("1-5:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArrayTaskSpec.parse("0-99999999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsCarryTheirTypeAndMessage() {
        SlurmCommandException e = new SlurmCommandException(
                new SlurmError(SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified"), "squeue -j 999999", 1);
        assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND);
        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(e.command()).isEqualTo("squeue -j 999999");
        assertThat(e.error().message()).isEqualTo("Invalid job id specified");
        assertThat(e).hasMessage("squeue -j 999999: job_not_found (exit 1): Invalid job id specified").isInstanceOf(SlurmException.class);
        assertThat(SlurmErrorType.CONTROLLER_UNAVAILABLE.wireName()).isEqualTo("controller_unavailable");
    }
}
