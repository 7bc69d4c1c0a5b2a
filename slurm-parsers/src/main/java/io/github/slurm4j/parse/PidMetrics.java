package io.github.slurm4j.parse;

import io.github.slurm4j.model.metrics.GpuProcess;
import io.github.slurm4j.model.metrics.GpuProcessUtilization;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.metrics.PidMetric;
import io.github.slurm4j.model.metrics.ProcessInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Joins what {@code ps} and {@code nvidia-smi} say about a job's processes into samples. */
public final class PidMetrics {
    private PidMetrics() {
    }

    /**
     * One {@link PidMetric} per process that {@code scontrol listpids} names and {@code ps} lists,
     * in listpids order (each pid once). All inputs must come from the same node.
     *
     * <ul>
     *   <li>A listpids row with PID {@code -1} names no process and is skipped.</li>
     *   <li>A pid that ps does not list (the process ended between the two commands) gets no
     *       sample: a missing process is not a process at 0%.</li>
     *   <li>GPU utilisation and GPU memory utilisation are the pmon {@code sm} and {@code mem}
     *       values of the pid summed over its GPUs ({@code -} values are skipped); {@code null}
     *       when pmon has no value for the pid.</li>
     *   <li>GPU memory used is the compute-apps {@code used_memory} summed over the pid's GPUs;
     *       when compute-apps has no value for the pid, the pmon {@code fb} sum; else {@code null}.</li>
     * </ul>
     *
     * @param pids the rows of {@code scontrol listpids}
     * @param processes the rows of {@code ps}, with the {@code pcpu}, {@code pmem} and {@code rss}
     *     columns a sample is made of
     * @param computeApps the rows of {@code nvidia-smi --query-compute-apps}; empty or {@code null} without GPUs
     * @param pmon the rows of {@code nvidia-smi pmon}; empty or {@code null} without GPUs
     * @param time when the commands ran
     * @return one sample per listed pid that ps also listed, in listpids order
     */
    public static List<PidMetric> combine(List<JobPid> pids, List<ProcessInfo> processes, List<GpuProcess> computeApps,
                                          List<GpuProcessUtilization> pmon, Instant time) {
        Objects.requireNonNull(pids, "pids");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(time, "time");
        Map<Long, ProcessInfo> ps = new HashMap<>();
        for (ProcessInfo p : processes) {
            if (p.cpuPercent() == null || p.memPercent() == null || p.rssBytes() == null) {
                throw new IllegalArgumentException("process " + p.pid() + " lacks pcpu, pmem or rss: run ps -o with "
                        + "pid,pcpu,pmem,rss (PsParser.FORMAT has them)");
            }
            ps.putIfAbsent(p.pid(), p);
        }
        Map<Long, Long> usedMib = new HashMap<>();
        if (computeApps != null) {
            for (GpuProcess g : computeApps) {
                if (g.usedMemoryMib() != null) {
                    usedMib.merge(g.pid(), g.usedMemoryMib(), Long::sum);
                }
            }
        }
        Map<Long, Double> sm = new HashMap<>();
        Map<Long, Double> mem = new HashMap<>();
        Map<Long, Long> fb = new HashMap<>();
        if (pmon != null) {
            for (GpuProcessUtilization u : pmon) {
                if (u.pid() == null) {
                    continue;
                }
                if (u.smPercent() != null) {
                    sm.merge(u.pid(), u.smPercent().doubleValue(), Double::sum);
                }
                if (u.memPercent() != null) {
                    mem.merge(u.pid(), u.memPercent().doubleValue(), Double::sum);
                }
                if (u.fbMib() != null) {
                    fb.merge(u.pid(), u.fbMib(), Long::sum);
                }
            }
        }
        Set<Long> seen = new LinkedHashSet<>();
        List<PidMetric> out = new ArrayList<>();
        for (JobPid jp : pids) {
            Long pid = jp.pid();
            if (pid == null || !seen.add(pid)) {
                continue;
            }
            ProcessInfo p = ps.get(pid);
            if (p == null) {
                continue;
            }
            Long gpuMem = usedMib.containsKey(pid) ? usedMib.get(pid) : fb.get(pid);
            out.add(new PidMetric(pid, time, p.cpuPercent(), p.memPercent(), p.rssBytes(), sm.get(pid), mem.get(pid), gpuMem));
        }
        return out;
    }
}
