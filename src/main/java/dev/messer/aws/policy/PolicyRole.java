package dev.messer.aws.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who a generated IAM policy is for. */
public enum PolicyRole {
    /** Creates, increments and deletes data keys; manages every bag and item of the tier. */
    ADMIN,
    /** Uploads, replaces and deletes items and bags of the tier with existing keys. */
    WRITER,
    /** Reads and decrypts items of the tier. */
    READER;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PolicyRole> fromWord(String word) {
        return Arrays.stream(values()).filter(r -> r.word().equals(word)).findFirst();
    }
}
