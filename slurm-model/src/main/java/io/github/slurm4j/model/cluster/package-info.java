/** Cluster-wide outputs: configuration, licenses, scheduler diagnostics. */
package io.github.slurm4j.model.cluster;
