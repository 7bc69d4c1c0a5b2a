package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.JobState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which queued jobs {@link SlurmClient#jobs(JobQuery)} lists: filters that squeue applies
 * ({@code --user}, {@code --me}, {@code --jobs}, {@code --states}, {@code --partition},
 * {@code --account}, {@code --name}, {@code --qos}); filters combine with AND. No filter: every job
 * of every user in the queue (squeue's default states: pending, running, suspended,
 * completing...). Immutable.
 *
 * @param users user names ({@code -u}); empty = all users
 * @param jobIds job ids ({@code -j}); empty = all jobs. With ids and no state filter, the jobs
 *     are shown in any state slurmctld still holds, recently finished ones too ({@code --states=all})
 * @param states states ({@code -t}); empty = squeue's default
 * @param partitions partitions ({@code -p}); empty = all
 * @param me only the jobs of the user the commands run as ({@code --me}: the SSH user with a
 *     {@code RemoteShell}, the JVM's user with a {@code LocalShell})
 * @param accounts accounts ({@code --account}); empty = all
 * @param names job names ({@code --name}); empty = all
 * @param qos QOS names ({@code --qos}); empty = all
 */
public record JobQuery(List<String> users, List<JobId> jobIds, Set<JobState.Name> states, List<String> partitions,
        boolean me, List<String> accounts, List<String> names, List<String> qos) {
    /**
     * Checks and copies the filters; prefer {@link #builder()}.
     *
     * @param users user names ({@code -u}); empty = all users
     * @param jobIds job ids ({@code -j}); empty = all jobs. With ids and no state filter, the jobs
     *     are shown in any state slurmctld still holds, recently finished ones too ({@code --states=all})
     * @param states states ({@code -t}); empty = squeue's default
     * @param partitions partitions ({@code -p}); empty = all
     * @param me only the jobs of the user the commands run as ({@code --me}: the SSH user with a
     *     {@code RemoteShell}, the JVM's user with a {@code LocalShell})
     * @param accounts accounts ({@code --account}); empty = all
     * @param names job names ({@code --name}); empty = all
     * @param qos QOS names ({@code --qos}); empty = all
     * @throws NullPointerException if a collection or one of its elements is {@code null}
     * @throws IllegalArgumentException for an empty value or one with a control character, a name holding
     *     {@code ,}, or the state UNKNOWN
     */
    public JobQuery {
        users = List.copyOf(users);
        jobIds = List.copyOf(jobIds);
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        partitions = List.copyOf(partitions);
        accounts = List.copyOf(accounts);
        names = List.copyOf(names);
        qos = List.copyOf(qos);
        users.forEach(u -> Args.word("user", u));
        partitions.forEach(p -> Args.word("partition", p));
        accounts.forEach(a -> Args.word("account", a));
        qos.forEach(q -> Args.word("qos", q));
        for (String n : names) {
            // squeue --name takes a comma-separated list: a comma inside a name cannot be asked for
            if (Args.word("name", n).indexOf(',') >= 0) {
                throw new IllegalArgumentException("squeue --name cannot filter on a name holding ',': " + n);
            }
        }
        if (states.contains(JobState.Name.UNKNOWN)) {
            throw new IllegalArgumentException("UNKNOWN is not a state squeue can filter on");
        }
    }

    /** {@return the query without filters: every job of every user in squeue's default states} */
    public static JobQuery all() {
        return builder().build();
    }

    /** {@return a builder of a query without filters; each filter added narrows it} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link JobQuery}. */
    public static final class Builder {
        private final List<String> users = new ArrayList<>();
        private final List<JobId> jobIds = new ArrayList<>();
        private final Set<JobState.Name> states = EnumSet.noneOf(JobState.Name.class);
        private final List<String> partitions = new ArrayList<>();
        private final List<String> accounts = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> qos = new ArrayList<>();
        private boolean me;

        /**
         * Only the jobs of the user the commands run as ({@code --me}).
         *
         * @return this builder
         */
        public Builder me() {
            this.me = true;
            return this;
        }

        /**
         * {@code --account}: adds an account; jobs of any added account match.
         *
         * @param account the account name; checked by {@link #build()}
         * @return this builder
         */
        public Builder account(String account) {
            accounts.add(account);
            return this;
        }

        /**
         * Jobs with exactly this name ({@code --name}); jobs of any added name match.
         *
         * @param name the job name; must not hold {@code ,} (squeue's list separator), checked by {@link #build()}
         * @return this builder
         */
        public Builder name(String name) {
            names.add(name);
            return this;
        }

        /**
         * {@code --qos}: adds a QOS; jobs of any added QOS match.
         *
         * @param qos the QOS name; checked by {@link #build()}
         * @return this builder
         */
        public Builder qos(String qos) {
            this.qos.add(qos);
            return this;
        }

        /**
         * {@code -u}: adds a user; jobs of any added user match.
         *
         * @param user the user name; checked by {@link #build()}
         * @return this builder
         */
        public Builder user(String user) {
            users.add(user);
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
         * {@code -j}: adds a job; without a state filter it is listed in any state slurmctld still
         * holds, recently finished included.
         *
         * @param id the job ({@code 17}, {@code 17_1}, {@code 21+0})
         * @return this builder
         */
        public Builder jobId(JobId id) {
            jobIds.add(id);
            return this;
        }

        /**
         * {@code -t}: adds a state; jobs in any added state match.
         *
         * @param state the state; not {@code UNKNOWN} ({@link #build()} refuses it)
         * @return this builder
         */
        public Builder state(JobState.Name state) {
            states.add(state);
            return this;
        }

        /**
         * {@code -p}: adds a partition; jobs in any added partition match.
         *
         * @param partition the partition name; checked by {@link #build()}
         * @return this builder
         */
        public Builder partition(String partition) {
            partitions.add(partition);
            return this;
        }

        /**
         * Checks the filters and makes the immutable query.
         *
         * @return the query
         * @throws IllegalArgumentException for an empty value or one with a control character, a name
         *     holding {@code ,}, or the state UNKNOWN
         */
        public JobQuery build() {
            return new JobQuery(users, jobIds, states, partitions, me, accounts, names, qos);
        }
    }
}
