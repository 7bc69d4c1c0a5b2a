/**
 * The parsers' shared machinery (text tables, column layouts, value formats, the JSON helpers of
 * the {@code --json} and slurmrestd readers). Not API: it may change in any release, is left out of
 * the published Javadoc, and only {@code io.github.slurm4j.parse} and its subpackages use it
 * ({@code InternalPackagesTest} checks that).
 */
package io.github.slurm4j.parse.internal;
