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

    /** Decodes UTF-8, replacing malformed and unmappable input with U+FFFD. */
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

    /** A decoder for streams with the same replacing behaviour. */
    public static CharsetDecoder newDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
}
