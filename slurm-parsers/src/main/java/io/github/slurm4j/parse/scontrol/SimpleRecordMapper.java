package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.parse.SlurmParseException;
import java.time.DateTimeException;
import java.util.List;

/**
 * The record loop shared by the node, partition, reservation and step mappers: the first token names
 * the record, every further token goes to {@link #apply}.
 *
 * @param <B> the builder type
 * @param <T> the model type
 */
abstract class SimpleRecordMapper<B, T> extends RecordMapper<T> {
    final KeyValueTokenizer tok;
    private final String firstKeyName;
    private final boolean stripOneLinerSeparator;

    SimpleRecordMapper(KeySet keys, boolean trimValues, String firstKeyName, boolean stripOneLinerSeparator) {
        this.tok = new KeyValueTokenizer(keys, trimValues);
        this.firstKeyName = firstKeyName;
        this.stripOneLinerSeparator = stripOneLinerSeparator;
    }

    @Override
    final String firstKey() {
        return firstKeyName + "=";
    }

    /** A builder for the record named by the first value. */
    abstract B start(String firstValue);

    /** Applies one known or unknown key. */
    abstract void apply(B builder, String key);

    abstract T build(B builder);

    @Override
    final T map(RecordLines lines) {
        int firstLine = lines.firstLine();
        tok.newRecord();
        boolean oneLiner = lines.size() == 1;
        B b = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = lines.lineNo(i);
            tok.reset(lines.bytes(), lines.start(i), lines.end(i), oneLiner && stripOneLinerSeparator);
            while (true) {
                try {
                    if (!tok.next()) {
                        break;
                    }
                } catch (KeyValueTokenizer.TokenException e) {
                    throw tokenError(e, tok, lineNo);
                }
                String key = tok.key();
                try {
                    if (b == null) {
                        if (!firstKeyName.equals(key) || tok.valueIsEmpty()) {
                            throw error(tok, lineNo, key, "a record must start with " + firstKeyName + "=<value>", null);
                        }
                        b = start(tok.value());
                        continue;
                    }
                    apply(b, key);
                } catch (SlurmParseException e) {
                    throw e;
                } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                    throw error(tok, lineNo, key, "bad value: " + e.getMessage(), e);
                }
            }
        }
        if (b == null) {
            throw new SlurmParseException(command(), firstLine, null, lines.line(0), "empty record");
        }
        return build(b);
    }

    String value() {
        return tok.value();
    }

    /** The value with {@code (null)} as the empty string. */
    String nullable() {
        return tok.valueIs("(null)") ? "" : tok.value();
    }

    int integer() {
        return Values.parseInt(tok.bytes(), tok.valueStart(), tok.valueEnd());
    }

    Boolean yesNo() {
        if (tok.valueIs("YES") || tok.valueIs("Yes") || tok.valueIs("1")) {
            return Boolean.TRUE;
        }
        if (tok.valueIs("NO") || tok.valueIs("No") || tok.valueIs("0")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not YES/NO: '" + tok.value() + "'");
    }
}
