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

    /** Every job in the queue. */
    public static JobQuery all() {
        return builder().build();
    }

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

        /** Only the jobs of the user the commands run as ({@code --me}). */
        public Builder me() {
            this.me = true;
            return this;
        }

        public Builder account(String account) {
            accounts.add(account);
            return this;
        }

        /** Jobs with exactly this name ({@code --name}). */
        public Builder name(String name) {
            names.add(name);
            return this;
        }

        public Builder qos(String qos) {
            this.qos.add(qos);
            return this;
        }

        public Builder user(String user) {
            users.add(user);
            return this;
        }

        public Builder jobIds(Collection<JobId> ids) {
            jobIds.addAll(ids);
            return this;
        }

        public Builder jobId(JobId id) {
            jobIds.add(id);
            return this;
        }

        public Builder state(JobState.Name state) {
            states.add(state);
            return this;
        }

        public Builder partition(String partition) {
            partitions.add(partition);
            return this;
        }

        public JobQuery build() {
            return new JobQuery(users, jobIds, states, partitions, me, accounts, names, qos);
        }
    }
}
