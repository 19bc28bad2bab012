package dev.messer.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes fields as a 4-byte big-endian length followed by the UTF-8 bytes, so that no two field lists encode alike. */
final class LengthPrefixed {

    private LengthPrefixed() {
    }

    static void write(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.write((n >>> 24) & 0xff);
        out.write((n >>> 16) & 0xff);
        out.write((n >>> 8) & 0xff);
        out.write(n & 0xff);
        out.write(bytes, 0, n);
    }
}
