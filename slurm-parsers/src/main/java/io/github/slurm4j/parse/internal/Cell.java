package io.github.slurm4j.parse.internal;

/**
 * One value cut out of a line.
 *
 * @param text the value without its padding (decoded; broken UTF-8 becomes U+FFFD)
 * @param truncated whether Slurm may have cut the value: it filled its whole width, or it holds
 *     a character cut in the middle
 */
public record Cell(String text, boolean truncated) {
}
