package dev.messer.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A small seeded generator of hostile inputs: mutations of valid seeds (bit flips, cuts, splices of
 * JSON tokens and of broken UTF-8) and random JSON documents, some nested far deeper than any limit.
 * Deterministic for a given seed, so a failure names the seed that reproduces it.
 */
final class HostileBytes {

    /** Tries per fuzz test: {@code -Dmesser.fuzz.tries=N} on the Maven command line raises it. */
    static final int TRIES = Integer.getInteger("messer.fuzz.tries", 1500);
    /** The first seed; {@code -Dmesser.fuzz.seed=S} replays a reported failure. */
    static final long SEED = Long.getLong("messer.fuzz.seed", 20261123L);

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800",
            "null", "true", "false", "-", "0", "-0", "1e999999", "9223372036854775808", "1.5", "NaN", "Infinity",
            "\"id\"", "\"encrypted_data\"", "\"key_version\"", "\"latest\"", "\"version\"", "\"iv\"", "\"tag\"",
            "=", "/", "+", "\u0000", "\uFEFF", " ", "\n", "//", "/*", "'", "\"2\"", "\"1\"", "{}", "[]");
    private static final byte[][] BROKEN_UTF8 = {
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}};

    private final Random random;

    HostileBytes(long seed) {
        this.random = new Random(seed);
    }

    /** One hostile input derived from {@code seeds}, or a random document. */
    byte[] next(List<byte[]> seeds) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return randomJson().getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            return deepNesting();
        }
        byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            input = mutate(input);
        }
        return input;
    }

    byte[] mutate(byte[] input) {
        if (input.length == 0) {
            return token();
        }
        int at = random.nextInt(input.length);
        switch (random.nextInt(7)) {
            case 0: {
                byte[] copy = input.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1:
                return Arrays.copyOf(input, at);
            case 2:
                return splice(input, at, at + random.nextInt(Math.min(16, input.length - at) + 1), token());
            case 3:
                return splice(input, at, at, BROKEN_UTF8[random.nextInt(BROKEN_UTF8.length)]);
            case 4: {
                int end = Math.min(input.length, at + 1 + random.nextInt(32));
                return splice(input, at, at, Arrays.copyOfRange(input, at, end));
            }
            case 5:
                return splice(input, at, Math.min(input.length, at + 1 + random.nextInt(8)), new byte[0]);
            default: {
                byte[] copy = input.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
        }
    }

    /** A syntactically valid JSON value of random shape (objects, arrays, odd numbers and strings). */
    String randomJson() {
        StringBuilder out = new StringBuilder();
        value(out, 0);
        return out.toString();
    }

    /** Objects or arrays nested 50 to 5000 deep, sometimes unclosed. */
    byte[] deepNesting() {
        int depth = 50 + random.nextInt(4950);
        boolean objects = random.nextBoolean();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append(objects ? "{\"id\":" : "[");
        }
        out.append("\"x\"");
        if (random.nextBoolean()) {
            for (int i = 0; i < depth; i++) {
                out.append(objects ? "}" : "]");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private void value(StringBuilder out, int depth) {
        int kind = depth > 6 ? 3 + random.nextInt(4) : random.nextInt(7);
        switch (kind) {
            case 0:
            case 1: {
                out.append('{');
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(randomKey()).append(':');
                    value(out, depth + 1);
                }
                out.append('}');
                return;
            }
            case 2: {
                out.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(out, depth + 1);
                }
                out.append(']');
                return;
            }
            case 3:
                out.append(List.of("0", "-1", "3", "2147483648", "1e400", "-0.0", "12345678901234567890").get(
                        random.nextInt(7)));
                return;
            case 4:
                out.append(List.of("true", "false", "null").get(random.nextInt(3)));
                return;
            default:
                out.append('"').append(List.of("", "latest", "1", "2", "db", "..", "a/b", "\\u0000", "\\ud800",
                        "QUJD", "!!notbase64", "x".repeat(200)).get(random.nextInt(12))).append('"');
        }
    }

    private String randomKey() {
        return '"' + List.of("id", "encrypted_data", "key_name", "key_version", "iv", "encrypted_secret", "tag",
                "version", "password", "id").get(random.nextInt(10)) + '"';
    }

    private byte[] token() {
        return TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] input, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + insert.length);
        out.write(input, 0, from);
        out.write(insert, 0, insert.length);
        out.write(input, to, input.length - to);
        return out.toByteArray();
    }
}
