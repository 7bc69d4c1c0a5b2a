package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.parse.SlurmParseException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;

/**
 * The one record loop of {@code scontrol show}: maps the lines of one record to a model object, for
 * every record type. The first token must be the record type's first key (index 0 of its
 * {@link KeySet}) with a value, which {@link #start} turns into a builder; every further token goes
 * to {@link #apply}; {@link #finish} builds the object. What else differs between record types is
 * data given to the constructor: how values are read ({@link KeyValueTokenizer}'s trimming, the
 * {@code -o} separator) and the {@link Checks} of record types whose values may hold line breaks.
 *
 * <p>One instance per parse (subclasses hold caches); not thread-safe.
 *
 * @param <B> the builder type
 * @param <T> the model type
 */
abstract class RecordMapper<B, T> {
    /**
     * What the loop checks besides {@code Key=value} syntax. A value that may hold a line break
     * (jobs: name, comment, work dir...) may also hold text shaped like a key line or a record start;
     * these are the signs that it did, on which the output is refused (see {@link ScontrolParser}).
     */
    static final class Checks {
        /** No checks: node, partition, reservation and step values hold no line breaks. */
        static final Checks NONE = new Checks(false, false, Integer.MAX_VALUE);

        final boolean valuesMayHoldNewlines;
        final boolean refuseRepeatedKeys;
        final int maxKeysPerLine;
        final int[] requiredKeys;

        /**
         * @param valuesMayHoldNewlines whether a line that can start neither a record nor a key line
         *     continues the previous line's last value (else it is an error)
         * @param refuseRepeatedKeys whether a known, non-repeatable key seen twice in one record is
         *     an error
         * @param maxKeysPerLine the most keys one line of a multi-line record may hold
         * @param requiredKeys the indexes in the record type's {@link KeySet} of the keys every record
         *     has: a record without one was cut short
         */
        Checks(boolean valuesMayHoldNewlines, boolean refuseRepeatedKeys, int maxKeysPerLine, int... requiredKeys) {
            this.valuesMayHoldNewlines = valuesMayHoldNewlines;
            this.refuseRepeatedKeys = refuseRepeatedKeys;
            this.maxKeysPerLine = maxKeysPerLine;
            this.requiredKeys = requiredKeys.clone();
        }
    }

    final KeyValueTokenizer tok;
    private final String command;
    private final KeySet keys;
    private final String firstKey;
    private final boolean stripOneLinerSeparator;
    private final boolean valuesMayHoldNewlines;
    private final boolean refuseRepeatedKeys;
    private final int maxKeysPerLine;
    /** As {@link Checks#requiredKeys}. */
    private final int[] required;
    private boolean complete = true;

    /**
     * @param command the command named in parse errors
     * @param keys the record type's keys; index 0 starts a record
     * @param trimValues whether values other than free text are right-trimmed (see
     *     {@link KeyValueTokenizer})
     * @param stripOneLinerSeparator whether a {@code -o} line ends with one separator space of
     *     scontrol's own, removed before tokenizing
     * @param checks the checks of record types whose values may hold line breaks
     */
    RecordMapper(String command, KeySet keys, boolean trimValues, boolean stripOneLinerSeparator, Checks checks) {
        this.tok = new KeyValueTokenizer(keys, trimValues);
        this.command = command;
        this.keys = keys;
        this.firstKey = keys.key(0) + "=";
        this.stripOneLinerSeparator = stripOneLinerSeparator;
        this.valuesMayHoldNewlines = checks.valuesMayHoldNewlines;
        this.refuseRepeatedKeys = checks.refuseRepeatedKeys;
        this.maxKeysPerLine = checks.maxKeysPerLine;
        this.required = checks.requiredKeys;
    }

    /** A builder for the record named by the first token's value (read from {@link #tok}). */
    abstract B start();

    /** Applies one token, known or unknown, whose key is {@code key} (read the value from {@link #tok}). */
    abstract void apply(B builder, String key);

    /** The object of a record whose tokens were all applied. */
    abstract T finish(B builder);

    /** The command named in parse errors. */
    final String command() {
        return command;
    }

    /** The key every record starts with, including {@code =}. */
    final String firstKey() {
        return firstKey;
    }

    /** As {@link Checks#valuesMayHoldNewlines}. */
    final boolean valuesMayHoldNewlines() {
        return valuesMayHoldNewlines;
    }

    /**
     * Whether the record last {@link #map mapped} has every {@linkplain Checks#requiredKeys required
     * key}. The record loop asks before it accepts a record start after a record: when a value may
     * hold line breaks, a record cut short is the sign of a value holding a line break and a fake
     * record start.
     */
    final boolean lastRecordComplete() {
        return complete;
    }

    /** The keys {@link #lastRecordComplete()} requires, for the error message. */
    final String requiredKeys() {
        StringBuilder sb = new StringBuilder();
        for (int idx : required) {
            sb.append(sb.length() == 0 ? "" : ", ").append(keys.key(idx)).append('=');
        }
        return sb.toString();
    }

    /**
     * Maps one record.
     *
     * @param lines the record's lines (one for the {@code -o} form), with the 1-based number of
     *     the first one; valid only during the call
     */
    final T map(RecordLines lines) {
        int firstLine = lines.firstLine();
        boolean oneLiner = lines.size() == 1;
        boolean strip = oneLiner && stripOneLinerSeparator;
        int maxKeys = oneLiner ? Integer.MAX_VALUE : maxKeysPerLine;
        final KeyValueTokenizer tok = this.tok;
        tok.newRecord();
        boolean lineBreaks = lines.anyExtended();
        B b = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = lines.lineNo(i);
            tok.reset(lines.bytes(), lines.start(i), lines.end(i), strip);
            int tokens = 0;
            while (true) {
                try {
                    if (!tok.next()) {
                        break;
                    }
                } catch (KeyValueTokenizer.TokenException e) {
                    throw tokenError(e, lineNo);
                }
                String key = tok.key();
                if (lineBreaks && tok.knownStructuredKey() && tok.valueHasLineBreak()) {
                    // only free text (a name, a comment, a path) may hold a line break: anything
                    // else continued on the next line is a damaged record, never a value
                    throw error(lineNo, key, "a line break inside " + key + "=, whose value is not free text: "
                            + "the next line starts neither a key nor a record", null);
                }
                if (refuseRepeatedKeys && tok.keyRepeated()) {
                    throw error(lineNo, key, key + "= twice in one record: a value holds text shaped like "
                            + "' " + key + "=' (or a line break and a record start); refused, it cannot be read unambiguously", null);
                }
                if (++tokens > maxKeys) {
                    throw error(lineNo, key, "more than " + maxKeys + " keys on one line of a multi-line "
                            + "record: an -o record whose value ends in a line break and spaces? refused as ambiguous", null);
                }
                try {
                    if (b == null) {
                        if (tok.keyIndex() != 0 || tok.valueIsEmpty()) {
                            throw error(lineNo, key, "a record must start with " + firstKey + "<value>", null);
                        }
                        b = start();
                        continue;
                    }
                    apply(b, key);
                } catch (SlurmParseException e) {
                    throw e;
                } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                    throw error(lineNo, key, "bad value: " + e.getMessage(), e);
                }
            }
        }
        if (b == null) {
            throw new SlurmParseException(command, firstLine, null, lines.line(0), "empty record");
        }
        boolean all = true;
        for (int idx : required) {
            all &= tok.seen(idx);
        }
        complete = all;
        return finish(b);
    }

    /** A parse error at the tokenizer's current token. */
    private SlurmParseException error(int lineNo, String field, String reason, Throwable cause) {
        String line = tok.line();
        int from = Math.max(0, Math.min(tok.column(tok.keyStart()), line.length()));
        return new SlurmParseException(command, lineNo, field, line.substring(from), reason, cause);
    }

    /** A parse error for a token that is not {@code Key=value}. */
    private SlurmParseException tokenError(KeyValueTokenizer.TokenException e, int lineNo) {
        String line = tok.line();
        int from = Math.max(0, Math.min(e.column(), line.length()));
        return new SlurmParseException(command, lineNo, null, line.substring(from), e.getMessage(), e);
    }

    // value readers shared by the mappers; each reads the current token's value

    /** The value as a new string. */
    final String value() {
        return tok.value();
    }

    /** The value as a new string, with {@code (null)} as the empty string. */
    final String text() {
        return tok.valueIs("(null)") ? "" : tok.value();
    }

    /**
     * Where the value ends without the one space scontrol prints after some values of its own
     * ({@code "Comment=%s "}, {@code "OS=%s "}, then the separator): the value's own trailing spaces
     * are kept.
     */
    final int endBeforeOwnSpace() {
        int st = tok.valueStart();
        int en = tok.valueEnd();
        return en > st && tok.bytes()[en - 1] == ' ' ? en - 1 : en;
    }

    /** The value as a new string without the one space of scontrol's own ({@link #endBeforeOwnSpace()}). */
    final String ownSpaceDropped() {
        int st = tok.valueStart();
        return new String(tok.bytes(), st, endBeforeOwnSpace() - st, StandardCharsets.UTF_8);
    }

    /** The value from {@code cache}: repeated values share one object. */
    final <V> V cached(ValueCache<V> cache) {
        return cache.get(tok.bytes(), tok.valueStart(), tok.valueEnd(), tok.valueHash());
    }

    final int integer() {
        return Values.parseInt(tok.bytes(), tok.valueStart(), tok.valueEnd());
    }

    final long lng() {
        return Values.parseLong(tok.bytes(), tok.valueStart(), tok.valueEnd());
    }

    /** {@code YES}, {@code Yes}, {@code 1} or {@code NO}, {@code No}, {@code 0}. */
    final boolean bool() {
        if (tok.valueIs("1") || tok.valueIs("Yes") || tok.valueIs("YES")) {
            return true;
        }
        if (tok.valueIs("0") || tok.valueIs("No") || tok.valueIs("NO")) {
            return false;
        }
        throw new IllegalArgumentException("not a flag: '" + tok.value() + "'");
    }
}
