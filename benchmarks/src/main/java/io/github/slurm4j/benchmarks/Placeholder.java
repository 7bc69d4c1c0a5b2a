package io.github.slurm4j.benchmarks;
final class Placeholder {}
