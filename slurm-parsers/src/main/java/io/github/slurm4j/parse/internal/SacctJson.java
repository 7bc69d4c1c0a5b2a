package io.github.slurm4j.parse.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.job.AccountingField;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.AccountingValues;
import io.github.slurm4j.parse.SlurmParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code sacct --json} (openapi dbv0.0.38 of Slurm 22.05; also the {@code {set, infinite,
 * number}} numbers and state arrays of later versions) into the same rows the text output gives: a
 * job row followed by its step rows, each holding the fields sacct would print under their sacct
 * names, rendered as sacct prints them and typed the same way.
 *
 * <p>What JSON does not say is left out rather than guessed: a time limit of {@code null} (which
 * the text shows as {@code UNLIMITED} or {@code Partition_Limit}), step TRES usage (whose units
 * differ from the text's), TRES counts below zero (unset markers). Job memory TRES counts are MiB.
 */
public final class SacctJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String command;
    private final ZoneId zone;

    public SacctJson(String command, ZoneId zone) {
        this.command = command;
        this.zone = zone;
    }

    public List<AccountingRecord> parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SlurmParseException(command, line, null, text, "not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("jobs").isArray()) {
            throw new SlurmParseException(command, 1, "jobs", text, "JSON without a 'jobs' array");
        }
        List<AccountingRecord> out = new ArrayList<>();
        for (JsonNode job : root.path("jobs")) {
            Row row = new Row();
            String jobId = jobId(job);
            String raw = text(job.path("job_id"));
            row.put(AccountingField.JOB_ID, jobId);
            row.put(AccountingField.JOB_ID_RAW, raw);
            row.put(AccountingField.JOB_NAME, text(job.path("name")));
            row.put(AccountingField.USER, text(job.path("user")));
            row.put(AccountingField.GROUP, text(job.path("group")));
            row.put(AccountingField.ACCOUNT, text(job.path("account")));
            row.put(AccountingField.PARTITION, text(job.path("partition")));
            row.put(AccountingField.QOS, text(job.path("qos")));
            row.put(AccountingField.CLUSTER, text(job.path("cluster")));
            row.put(AccountingField.STATE, state(job.path("state").path("current")));
            row.put(AccountingField.REASON, text(job.path("state").path("reason")));
            row.put(AccountingField.EXIT_CODE, exitCode(job.path("exit_code")));
            row.put(AccountingField.DERIVED_EXIT_CODE, exitCode(job.path("derived_exit_code")));
            times(row, job.path("time"));
            Long limit = number(job.path("time").path("limit"));
            if (isInfinite(job.path("time").path("limit"))) {
                row.put(AccountingField.TIMELIMIT, "UNLIMITED");
            } else if (limit != null) {
                row.put(AccountingField.TIMELIMIT, SlurmDuration.format(Duration.ofMinutes(limit)));
            }
            Long prio = number(job.path("priority"));
            row.put(AccountingField.PRIORITY, prio == null ? null : prio.toString());
            Long cpus = number(job.path("required").path("CPUs"));
            row.put(AccountingField.REQ_CPUS, cpus == null ? null : cpus.toString());
            Long nodes = number(job.path("allocation_nodes"));
            row.put(AccountingField.NNODES, nodes == null ? null : nodes.toString());
            row.put(AccountingField.NODE_LIST, text(job.path("nodes")));
            row.put(AccountingField.REQ_TRES, tres(job.path("tres").path("requested")));
            row.put(AccountingField.ALLOC_TRES, tres(job.path("tres").path("allocated")));
            row.put(AccountingField.WORK_DIR, text(job.path("working_directory")));
            row.put(AccountingField.COMMENT, text(job.path("comment").path("job")));
            row.put(AccountingField.ADMIN_COMMENT, text(job.path("comment").path("administrator")));
            row.put(AccountingField.SYSTEM_COMMENT, text(job.path("comment").path("system")));
            row.put(AccountingField.CONSTRAINTS, text(job.path("constraints")));
            row.put(AccountingField.FLAGS, list(job.path("flags")));
            Long restarts = number(job.path("restart_cnt"));
            row.put(AccountingField.RESTARTS, restarts == null ? null : restarts.toString());
            out.add(row.build(jobId));
            for (JsonNode step : job.path("steps")) {
                out.add(step(step, jobId, raw));
            }
        }
        return List.copyOf(out);
    }

    private AccountingRecord step(JsonNode step, String jobId, String rawId) {
        Row row = new Row();
        String id = text(step.path("step").path("id"));
        if (id == null) {
            throw new SlurmParseException(command, 0, "steps.step.id", step.toString(), "step without id in job " + jobId);
        }
        int dot = id.indexOf('.');
        String name = dot >= 0 ? id.substring(dot + 1) : id;
        String stepId = jobId + "." + name;
        row.put(AccountingField.JOB_ID, stepId);
        row.put(AccountingField.JOB_ID_RAW, rawId + "." + name);
        row.put(AccountingField.JOB_NAME, text(step.path("step").path("name")));
        row.put(AccountingField.STATE, state(step.path("state")));
        row.put(AccountingField.EXIT_CODE, exitCode(step.path("exit_code")));
        times(row, step.path("time"));
        row.put(AccountingField.NODE_LIST, text(step.path("nodes").path("range")));
        Long tasks = number(step.path("tasks").path("count"));
        row.put(AccountingField.NTASKS, tasks == null ? null : tasks.toString());
        row.put(AccountingField.ALLOC_TRES, tres(step.path("tres").path("allocated")));
        return row.build(stepId);
    }

    private void times(Row row, JsonNode time) {
        Long elapsed = number(time.path("elapsed"));
        row.put(AccountingField.ELAPSED, elapsed == null ? null : SlurmDuration.format(Duration.ofSeconds(elapsed)));
        row.put(AccountingField.SUBMIT, epoch(time.path("submission")));
        row.put(AccountingField.ELIGIBLE, epoch(time.path("eligible")));
        row.put(AccountingField.START, epoch(time.path("start")));
        row.put(AccountingField.END, epoch(time.path("end")));
        Long suspended = number(time.path("suspended"));
        row.put(AccountingField.SUSPENDED, suspended == null ? null : SlurmDuration.format(Duration.ofSeconds(suspended)));
        row.put(AccountingField.TOTAL_CPU, cpu(time.path("total")));
        row.put(AccountingField.USER_CPU, cpu(time.path("user")));
        row.put(AccountingField.SYSTEM_CPU, cpu(time.path("system")));
    }

    private String epoch(JsonNode n) {
        if (n.isMissingNode()) {
            return null;
        }
        Long v = number(n);
        if (v == null || v <= 0) {
            return "Unknown";
        }
        // Slurm's notation, as sacct prints it: LocalDateTime.toString() drops ":00" seconds
        return SlurmTime.of(LocalDateTime.ofInstant(Instant.ofEpochSecond(v), zone)).toString();
    }

    private static String cpu(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        Long s = number(n.path("seconds"));
        Long us = number(n.path("microseconds"));
        if (s == null && us == null) {
            return null;
        }
        long millis = (s == null ? 0 : s) * 1000 + (us == null ? 0 : us) / 1000;
        return SlurmDuration.format(Duration.ofMillis(millis)) + String.format(".%03d", millis % 1000);
    }

    private static String jobId(JsonNode job) {
        String raw = text(job.path("job_id"));
        if (raw == null) {
            throw new SlurmParseException("sacct", 0, "job_id", job.toString(), "job without job_id");
        }
        Long arrayJob = number(job.path("array").path("job_id"));
        if (arrayJob != null && arrayJob > 0) {
            Long task = number(job.path("array").path("task_id"));
            if (task != null) {
                return arrayJob + "_" + task;
            }
            String range = text(job.path("array").path("task"));
            if (range != null && !range.isEmpty()) {
                return arrayJob + "_[" + range + "]";
            }
        }
        Long hetJob = number(job.path("het").path("job_id"));
        Long offset = number(job.path("het").path("job_offset"));
        if (hetJob != null && hetJob > 0 && offset != null) {
            return hetJob + "+" + offset;
        }
        return raw;
    }

    private static String state(JsonNode n) {
        if (n.isArray()) {
            List<String> names = new ArrayList<>();
            n.forEach(x -> names.add(x.asText()));
            return names.isEmpty() ? null : String.join("+", names);
        }
        return text(n);
    }

    private static String exitCode(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        String status = state(n.path("status"));
        Long rc = number(n.path("return_code"));
        JsonNode sig = n.path("signal");
        Long signal = number(sig.has("signal_id") ? sig.path("signal_id") : sig.path("id"));
        if (status == null && rc == null) {
            return null;
        }
        return (rc == null ? 0 : rc) + ":" + (signal == null ? 0 : signal);
    }

    private static String tres(JsonNode n) {
        if (!n.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode t : n) {
            Long count = number(t.path("count"));
            String type = text(t.path("type"));
            if (count == null || count < 0 || type == null) {
                continue;
            }
            String name = text(t.path("name"));
            String key = name == null || name.isEmpty() ? type : type + "/" + name;
            items.add(key + "=" + count + ("mem".equals(type) ? "M" : ""));
        }
        return String.join(",", items);
    }

    private static String list(JsonNode n) {
        if (!n.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        n.forEach(x -> items.add(x.asText()));
        return String.join(",", items);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        return n.isValueNode() ? n.asText() : null;
    }

    private static boolean isInfinite(JsonNode n) {
        return n.isObject() && n.path("infinite").asBoolean(false);
    }

    /** A plain number, or the {@code number} of a {@code {set, infinite, number}} object when set and finite. */
    private static Long number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            if (!n.path("set").asBoolean(false) || n.path("infinite").asBoolean(false)) {
                return null;
            }
            return number(n.path("number"));
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isTextual() && n.asText().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(n.asText());
        }
        return null;
    }

    /** Fields gathered for one row, in sacct's names. */
    private final class Row {
        private final Map<AccountingField, String> values = new LinkedHashMap<>();

        void put(AccountingField f, String v) {
            if (v != null) {
                values.put(f, v);
            }
        }

        AccountingRecord build(String id) {
            List<String> names = new ArrayList<>();
            List<String> raws = new ArrayList<>();
            Map<AccountingField, Object> typed = new EnumMap<>(AccountingField.class);
            for (Map.Entry<AccountingField, String> e : values.entrySet()) {
                names.add(e.getKey().header());
                raws.add(e.getValue());
                try {
                    Object v = e.getKey().parseValue(e.getValue());
                    if (v != null) {
                        typed.put(e.getKey(), v);
                    }
                } catch (IllegalArgumentException ex) {
                    throw new SlurmParseException(command, 0, e.getKey().header(), "job " + id + ": " + e.getValue(),
                            ex.getMessage(), ex);
                }
            }
            return new AccountingRecord(new AccountingValues(names, raws, typed, Collections.emptySet(), Map.of()));
        }
    }
}
