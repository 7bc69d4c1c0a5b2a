package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.parse.SlurmParseException;


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
     * Whether values of this record type may hold line breaks (a job's name, comment, work dir...):
     * then a line that cannot start a record nor a key line continues the previous line's last
     * value. When false, such a line is an error.
     */
    boolean valuesMayHoldNewlines() {
        return false;
    }

    /**
     * Whether the record last {@link #map mapped} has every key scontrol always prints for this
     * record type. The record loop asks before it accepts a record start after a record: when a
     * value may hold line breaks, a record cut short is the sign of a value holding a line break
     * and a fake record start.
     */
    boolean lastRecordComplete() {
        return true;
    }

    /** The keys {@link #lastRecordComplete()} requires, for the error message. */
    String requiredKeys() {
        return "";
    }

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
        int from = Math.max(0, Math.min(tok.column(tok.keyStart()), line.length()));
        return new SlurmParseException(command(), lineNo, field, line.substring(from), reason, cause);
    }

    /** A parse error for a token that is not {@code Key=value}. */
    final SlurmParseException tokenError(KeyValueTokenizer.TokenException e, KeyValueTokenizer tok, int lineNo) {
        String line = tok.line();
        int from = Math.max(0, Math.min(e.column(), line.length()));
        return new SlurmParseException(command(), lineNo, null, line.substring(from), e.getMessage(), e);
    }
}
