package dev.messer.crypto;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** Random secret values from {@link SecureRandom}, each character drawn uniformly from a character set. */
public final class RandomText {

    /** The character sets a value may be drawn from. */
    public enum Charset {
        ALNUM("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
        HEX("0123456789abcdef"),
        BASE64("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
        /** Printable ASCII without the space: {@code !} to {@code ~}. */
        ASCII(printableAscii());

        private final String characters;

        Charset(String characters) {
            this.characters = characters;
        }

        public String characters() {
            return characters;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Charset> fromWord(String word) {
            for (Charset c : values()) {
                if (c.word().equals(word)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        private static String printableAscii() {
            StringBuilder out = new StringBuilder();
            for (char c = '!'; c <= '~'; c++) {
                out.append(c);
            }
            return out.toString();
        }
    }

    public static final int MAX_LENGTH = 4096;

    private final SecureRandom random;

    public RandomText(SecureRandom random) {
        this.random = random;
    }

    /** {@code length} characters; {@link SecureRandom#nextInt(int)} draws without modulo bias. */
    public String next(int length, Charset charset) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length " + length);
        }
        String characters = charset.characters();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = characters.charAt(random.nextInt(characters.length()));
        }
        return new String(out);
    }
}
