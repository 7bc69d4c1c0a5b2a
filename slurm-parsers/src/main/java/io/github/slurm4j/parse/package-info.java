/** slurm4j parsers. */
package io.github.slurm4j.parse;
