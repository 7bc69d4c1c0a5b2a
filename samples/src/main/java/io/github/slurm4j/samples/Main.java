package io.github.slurm4j.samples;

public final class Main {
    public static void main(String[] args) {
        System.out.println("slurm4j samples");
    }
}
