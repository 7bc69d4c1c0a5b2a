/** The slurm4j model. */
package io.github.slurm4j.model;
