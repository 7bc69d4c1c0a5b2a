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
    /**
     * Checks and copies the filters; prefer {@link #builder()}.
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
     * @throws NullPointerException if a collection or one of its elements is {@code null}
     * @throws IllegalArgumentException for an empty user name or one with a control character, the state
     *     UNKNOWN, {@code allUsers} with users, or an end before the start
     */
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

    /** {@return a builder of a query with no filter: the caller's jobs since midnight, steps included} */
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

        /**
         * {@code -u}: adds a user whose jobs to read; several are read together.
         *
         * @param user a user name; checked by {@link #build()} (not empty, no control character)
         * @return this builder
         */
        public Builder user(String user) {
            users.add(user);
            return this;
        }

        /**
         * {@code -a}: every user's jobs (as far as the caller may see them); excludes {@link #user}.
         *
         * @return this builder
         */
        public Builder allUsers() {
            this.allUsers = true;
            return this;
        }

        /**
         * {@code -j}: adds a job to read ({@code 17}, an array element {@code 17_1}, a het
         * component {@code 21+0}); sacct then reads it whatever its time.
         *
         * @param id the job
         * @return this builder
         */
        public Builder jobId(JobId id) {
            jobIds.add(id);
            return this;
        }

        /**
         * {@code -j}: adds several jobs, as {@link #jobId} each.
         *
         * @param ids the jobs
         * @return this builder
         */
        public Builder jobIds(Collection<JobId> ids) {
            jobIds.addAll(ids);
            return this;
        }

        /**
         * {@code -s}: adds a state to filter on; several are or-ed. With a state filter and no
         * {@link #end}, the query adds {@code -E now}.
         *
         * @param state the state; not {@code UNKNOWN} ({@link #build()} refuses it)
         * @return this builder
         */
        public Builder state(JobState.Name state) {
            states.add(state);
            return this;
        }

        /**
         * {@code -S}: records of jobs active at or after this time (cluster local time).
         *
         * @param start the time, as the cluster's wall clock reads it; {@code null} for sacct's default
         * @return this builder
         */
        public Builder start(LocalDateTime start) {
            this.start = start;
            return this;
        }

        /**
         * {@code -E}: records of jobs active before this time (cluster local time).
         *
         * @param end the time, as the cluster's wall clock reads it; {@code null} for now
         * @return this builder
         */
        public Builder end(LocalDateTime end) {
            this.end = end;
            return this;
        }

        /**
         * {@code -D}: every incarnation of a requeued job, not only the last.
         *
         * @return this builder
         */
        public Builder duplicates() {
            this.duplicates = true;
            return this;
        }

        /**
         * {@code -X}: the job rows only, without their steps ({@code .batch}, {@code .extern}, {@code .0}).
         *
         * @return this builder
         */
        public Builder allocationsOnly() {
            this.allocationsOnly = true;
            return this;
        }

        /**
         * Checks the filters and makes the immutable query.
         *
         * @return the query
         * @throws IllegalArgumentException as the {@link AccountingQuery} constructor: a bad user,
         *     the state UNKNOWN, {@code allUsers} with users, or an end before the start
         */
        public AccountingQuery build() {
            return new AccountingQuery(users, allUsers, jobIds, states, start, end, duplicates, allocationsOnly);
        }
    }
}
