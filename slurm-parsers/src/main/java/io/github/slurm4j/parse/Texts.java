package io.github.slurm4j.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decoding of command output. Slurm cuts names at byte widths, so output may hold broken UTF-8
 * sequences (a Chinese job name cut mid-character): these decode to U+FFFD and never fail.
 */
public final class Texts {
    private Texts() {
    }

    /**
     * Decodes UTF-8, replacing malformed and unmappable input with U+FFFD.
     *
     * @param bytes the output as the command wrote it; not null
     * @return the text; never fails on broken sequences
     */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // cannot happen with REPLACE
            throw new IllegalStateException(e);
        }
    }

    /** {@return a new UTF-8 decoder for streams with the same replacing behaviour; not thread-safe, one per stream} */
    public static CharsetDecoder newDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
}
