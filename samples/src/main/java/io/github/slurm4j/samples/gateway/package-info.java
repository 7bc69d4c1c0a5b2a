/**
 * The {@code gateway} sample: a REST gateway over the jobs façade on the JDK's HTTP server, one
 * JSON envelope for every answer, bearer tokens mapped to cluster users, the cluster status read
 * back from Redis, and one static console page. Not a library: the classes are package-private
 * but for the entry point {@link io.github.slurm4j.samples.gateway.GatewaySample} and
 * {@link io.github.slurm4j.samples.gateway.Gateway}, which the tests and benchmarks start in-process.
 */
package io.github.slurm4j.samples.gateway;
