/**
 * The parser of {@code scontrol show job|node|partition|reservation|step} output, multi-line or
 * {@code -o}, with or without {@code -d}: {@link io.github.slurm4j.parse.scontrol.ScontrolParser}.
 * Everything else here is its machinery (byte line reader, key-set tokenizer, the one record loop
 * and a mapper per record type), package-private so that the format rules stay in one place.
 */
package io.github.slurm4j.parse.scontrol;
