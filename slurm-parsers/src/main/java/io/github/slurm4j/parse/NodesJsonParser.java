package io.github.slurm4j.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.parse.internal.RestJson;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the {@code nodes} array of {@code scontrol show nodes --json} and of slurmrestd's
 * {@code /slurm/v0.0.4x/nodes} (v0.0.38 through v0.0.42) into {@link Node}s, with the document's
 * {@code errors} and {@code warnings}. ({@code sinfo --json} of 23.02+ prints a different,
 * partition-grouped document and is not read here.)
 *
 * <p>Memory ({@code real_memory}, {@code alloc_memory}, {@code free_mem},
 * {@code temporary_disk}, {@code specialized_memory}) is in MiB and becomes bytes;
 * {@code cpu_load} is the load times 100 and becomes {@code 1.28}; {@code state} is a list
 * ({@code ["IDLE","DRAIN"]}, read as {@code IDLE+DRAIN}) or, in v0.0.38, a lower-case name with a
 * separate {@code state_flags} list. A time of {@code 0} is {@code None}; a reason time of 0 and an
 * unset value ({@code "set": false}) are not supplied ({@code null}). Other keys go to
 * {@link Node#extras()} as text; {@code energy}, {@code power} and {@code external_sensors} are
 * dropped. A wrong type for {@code name} or {@code state} is a {@link SlurmParseException}
 * naming the JSON path ({@code nodes[2].name}).
 */
public final class NodesJsonParser {
    static final String COMMAND = "scontrol show nodes --json";

    private static final Set<String> DROP = Set.of("energy", "power", "external_sensors");

    private NodesJsonParser() {
    }

    /**
     * Parses the JSON text; see {@link #parse(Reader, ZoneId)}.
     *
     * @param json the document; not null
     * @param zone the cluster's time zone (epoch seconds become its wall-clock time)
     * @return the nodes, with the document's errors and warnings
     * @throws SlurmParseException as {@link #parse(Reader, ZoneId)}
     */
    public static JsonResult<Node> parse(String json, ZoneId zone) {
        return parse(new StringReader(json), zone);
    }

    /**
     * Parses the JSON bytes; see {@link #parse(Reader, ZoneId)}.
     *
     * @param json the document in UTF-8; not null
     * @param zone the cluster's time zone (epoch seconds become its wall-clock time)
     * @return the nodes, with the document's errors and warnings
     * @throws SlurmParseException as {@link #parse(Reader, ZoneId)}
     */
    public static JsonResult<Node> parse(byte[] json, ZoneId zone) {
        return parse(new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8), zone);
    }

    /**
     * Parses a JSON document with a {@code nodes} array.
     *
     * @param json the document; not null
     * @param zone the cluster's time zone (epoch seconds become its wall-clock time); not null
     * @return the nodes in document order, with the document's errors and warnings
     * @throws SlurmParseException for text that is not JSON, a {@code nodes} that is not an array,
     *     or a node without a name
     */
    public static JsonResult<Node> parse(Reader json, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return JsonDocuments.read(COMMAND, json, "nodes", f -> node(f, zone));
    }

    private static Node node(JsonFields f, ZoneId zone) {
        String name = f.strictStr("name");
        if (name == null || name.isEmpty()) {
            throw f.error("name", "a node needs a name");
        }
        Node.Builder b = Node.builder(name);
        b.state(state(f));
        String reason = f.str("reason");
        b.reason(reason == null || reason.isEmpty() ? null : reason);
        String by = f.str("reason_set_by_user");
        b.reasonUser(by == null || by.isEmpty() ? null : by);
        SlurmTime changed = time(f, "reason_changed_at", null, zone);
        b.reasonTime(changed);
        b.arch(f.str("architecture"));
        b.boards(f.integer("boards"));
        b.coresPerSocket(f.integer("cores"));
        b.cpuTotal(f.integer("cpus"));
        b.cpuEffective(f.integer("effective_cpus"));
        b.sockets(f.integer("sockets"));
        b.threadsPerCore(f.integer("threads"));
        b.realMemoryBytes(mib(f, "real_memory"));
        b.tmpDiskBytes(mib(f, "temporary_disk"));
        b.gres(gres(f, "gres"));
        b.availableFeatures(f.strings("features"));
        b.activeFeatures(f.strings("active_features"));
        b.cfgTres(tres(f, "tres"));
        b.coreSpecCount(f.integer("specialized_cores"));
        b.cpuSpecList(f.str("specialized_cpus"));
        b.memSpecLimitBytes(mib(f, "specialized_memory"));
        Long coresPerGpu = f.lng("res_cores_per_gpu");
        b.restrictedCoresPerGpu(coresPerGpu == null ? null : coresPerGpu.toString());
        b.cpuAlloc(f.integer("alloc_cpus"));
        Long load = f.lng("cpu_load");
        b.cpuLoad(load == null ? null : load / 100.0);
        b.allocMemoryBytes(mib(f, "alloc_memory"));
        b.freeMemoryBytes(mib(f, "free_mem"));
        b.gresUsed(gres(f, "gres_used"));
        b.gresDrain(f.str("gres_drained"));
        b.allocTres(tres(f, "tres_used"));
        b.nodeAddr(f.str("address"));
        b.nodeHostName(f.str("hostname"));
        b.port(f.integer("port"));
        b.version(f.str("version"));
        b.os(f.str("operating_system"));
        b.weight(f.lng("weight"));
        b.owner(f.str("owner"));
        b.mcsLabel(f.str("mcs_label"));
        b.partitions(f.strings("partitions"));
        b.bootTime(time(f, "boot_time", SlurmTime.NONE, zone));
        b.slurmdStartTime(time(f, "slurmd_start_time", SlurmTime.NONE, zone));
        b.lastBusyTime(time(f, "last_busy", SlurmTime.NONE, zone));
        b.resumeAfterTime(time(f, "resume_after", SlurmTime.NONE, zone));
        List<String> next = f.strings("next_state_after_reboot");
        b.nextState(next == null ? null : String.join("+", next));
        b.comment(f.str("comment"));
        b.extra(f.str("extra"));
        b.reservation(f.str("reservation"));
        b.instanceId(f.str("instance_id"));
        b.instanceType(f.str("instance_type"));
        f.rest(DROP, b::extra);
        return b.build();
    }

    private static NodeState state(JsonFields f) {
        JsonNode n = f.node("state");
        if (n == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (n.isTextual()) {
            parts.add(n.textValue().toUpperCase(Locale.ROOT));
        } else if (n.isArray() && n.size() > 0) {
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw f.error("state", "expected state names");
                }
                parts.add(e.textValue());
            }
        } else {
            throw f.error("state", "expected a state name or a list of them");
        }
        List<String> flags = f.strings("state_flags");
        if (flags != null) {
            parts.addAll(flags);
        }
        String text = String.join("+", parts);
        if (text.isBlank()) {
            throw f.error("state", "empty node state");
        }
        return NodeState.parse(text);
    }

    private static Long mib(JsonFields f, String key) {
        Long v = f.lng(key);
        return v == null ? null : v * MemorySize.MIB;
    }

    private static List<GresItem> gres(JsonFields f, String key) {
        String s = f.str(key);
        if (s == null) {
            return null;
        }
        try {
            return GresItem.parseList(s);
        } catch (IllegalArgumentException e) {
            f.keep(key);
            return null;
        }
    }

    private static Tres tres(JsonFields f, String key) {
        String s = f.str(key);
        if (s == null) {
            return null;
        }
        try {
            return s.isEmpty() ? Tres.EMPTY : Tres.parse(s);
        } catch (IllegalArgumentException e) {
            f.keep(key);
            return null;
        }
    }

    private static SlurmTime time(JsonFields f, String key, SlurmTime zero, ZoneId zone) {
        RestJson.Num n = f.num(key);
        if (n == null || !n.set() || n.infinite() || !n.isIntegral()) {
            return null;
        }
        long s = n.asLong();
        if (s <= 0) {
            return zero;
        }
        return SlurmTime.of(LocalDateTime.ofInstant(Instant.ofEpochSecond(s), zone));
    }
}
