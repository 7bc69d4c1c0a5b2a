package io.github.slurm4j.parse;

import io.github.slurm4j.parse.internal.KeyValueTokenizer;
import io.github.slurm4j.parse.internal.RecordLines;

/**
 * Maps the lines of one {@code scontrol show} record to a model object. One instance per parse
 * (it holds caches); not thread-safe.
 */
abstract class RecordMapper<T> {
    /** The command named in parse errors. */
    abstract String command();

    /** The key every record starts with, including {@code =}. */
    abstract String firstKey();

    /**
     * Maps one record.
     *
     * @param lines the record's lines (one for the {@code -o} form), with the 1-based number of
     *     the first one; valid only during the call
     */
    abstract T map(RecordLines lines);

    /** A parse error at the tokenizer's current token. */
    final SlurmParseException error(KeyValueTokenizer tok, int lineNo, String field, String reason, Throwable cause) {
        String line = tok.line();
        int from = Math.max(0, Math.min(tok.keyStart() - tok.lineStart(), line.length()));
        return new SlurmParseException(command(), lineNo, field, line.substring(from), reason, cause);
    }

    /** A parse error for a token that is not {@code Key=value}. */
    final SlurmParseException tokenError(KeyValueTokenizer.TokenException e, KeyValueTokenizer tok, int lineNo) {
        String line = tok.line();
        int from = Math.max(0, Math.min(e.column(), line.length()));
        return new SlurmParseException(command(), lineNo, null, line.substring(from), e.getMessage(), e);
    }
}
