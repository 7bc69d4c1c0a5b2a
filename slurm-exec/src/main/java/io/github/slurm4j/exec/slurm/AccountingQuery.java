package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.JobState;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which records {@link SlurmClient#accounting(AccountingQuery)} reads from {@code sacct}.
 * Immutable.
 *
 * @param users user names ({@code -u}); empty = the caller's jobs, or everyone's with {@code allUsers}
 * @param allUsers {@code -a}: every user's jobs (what the caller may see)
 * @param jobIds job ids ({@code -j}); empty = all
 * @param states states ({@code -s}); sacct then needs an end time, so {@code -E now} is added
 *     when {@code end} is not given (fixture {@code sacct-pending-states}: without it sacct prints
 *     nothing)
 * @param start {@code -S}, in the cluster's local time; {@code null} = sacct's default
 *     (midnight today, or any time with job ids)
 * @param end {@code -E}, in the cluster's local time; {@code null} = now
 * @param duplicates {@code -D}: every incarnation of a requeued job, not only the last
 * @param allocationsOnly {@code -X}: job rows only, no steps
 */
public record AccountingQuery(List<String> users, boolean allUsers, List<JobId> jobIds, Set<JobState.Name> states,
        LocalDateTime start, LocalDateTime end, boolean duplicates, boolean allocationsOnly) {
    public AccountingQuery {
        users = List.copyOf(users);
        users.forEach(u -> Args.word("user", u));
        jobIds = List.copyOf(jobIds);
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        if (states.contains(JobState.Name.UNKNOWN)) {
            throw new IllegalArgumentException("UNKNOWN is not a state sacct can filter on");
        }
        if (allUsers && !users.isEmpty()) {
            throw new IllegalArgumentException("allUsers and users exclude each other");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AccountingQuery}. */
    public static final class Builder {
        private final List<String> users = new ArrayList<>();
        private boolean allUsers;
        private final List<JobId> jobIds = new ArrayList<>();
        private final Set<JobState.Name> states = EnumSet.noneOf(JobState.Name.class);
        private LocalDateTime start;
        private LocalDateTime end;
        private boolean duplicates;
        private boolean allocationsOnly;

        public Builder user(String user) {
            users.add(user);
            return this;
        }

        public Builder allUsers() {
            this.allUsers = true;
            return this;
        }

        public Builder jobId(JobId id) {
            jobIds.add(id);
            return this;
        }

        public Builder jobIds(Collection<JobId> ids) {
            jobIds.addAll(ids);
            return this;
        }

        public Builder state(JobState.Name state) {
            states.add(state);
            return this;
        }

        /** {@code -S}: records of jobs active at or after this time (cluster local time). */
        public Builder start(LocalDateTime start) {
            this.start = start;
            return this;
        }

        /** {@code -E}: records of jobs active before this time (cluster local time). */
        public Builder end(LocalDateTime end) {
            this.end = end;
            return this;
        }

        public Builder duplicates() {
            this.duplicates = true;
            return this;
        }

        public Builder allocationsOnly() {
            this.allocationsOnly = true;
            return this;
        }

        public AccountingQuery build() {
            return new AccountingQuery(users, allUsers, jobIds, states, start, end, duplicates, allocationsOnly);
        }
    }
}
