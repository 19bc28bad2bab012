package dev.messer.config;

import java.util.Locale;

/** Where buckets and master keys live. The command line names it as Messer did: {@code aws} or {@code local}. */
public enum Provider {
    AWS,
    LOCAL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the provider, or null if {@code word} names none */
    public static Provider fromWord(String word) {
        for (Provider p : values()) {
            if (p.word().equals(word)) {
                return p;
            }
        }
        return null;
    }
}
