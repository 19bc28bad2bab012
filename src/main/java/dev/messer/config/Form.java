package dev.messer.config;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.ConfigException;
import dev.messer.names.Names;
import dev.messer.output.VariableAllowList;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a setting's text must look like, and what it reads as. Every check names the setting, the
 * value and where it came from, so that a bad value is reported before anything is done with it.
 */
@FunctionalInterface
interface Form {

    /** @throws ConfigException when the text does not have this form */
    Object parse(Sourced<String> raw);

    /** Any text, as written. */
    Form TEXT = Sourced::value;

    /** {@code aws} or {@code local}; empty reads as null (the profile serves either word). */
    Form PROVIDER = raw -> {
        if (!raw.isSet()) {
            return null;
        }
        Provider provider = Provider.fromWord(raw.value().trim());
        if (provider == null) {
            throw new ConfigException("provider is '" + raw.value() + "' (from " + raw.from()
                    + "); it must be aws or local");
        }
        return provider;
    };

    /** {@code true}, {@code yes}, {@code on}, {@code 1} or their opposites, in any case; empty is false. */
    Form BOOLEAN = raw -> {
        String value = raw.value().trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "", "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(raw.name() + " is '" + value + "' (from " + raw.from()
                    + "); use true or false");
        };
    };

    /** The regions of a profile: region names separated by spaces or commas, each once. */
    Form REGIONS = RegionalValues::names;

    /** An optional whole number (an {@link OptionalInt}). */
    Form NUMBER = Form::number;

    /** An optional number of seconds such as {@code 5} or {@code 2.5}, above 0 and up to an hour. */
    Form SECONDS = raw -> {
        if (!raw.isSet()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(raw.value().trim());
            if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(3600)) > 0) {
                throw new NumberFormatException();
            }
            return Optional.of(Duration.ofMillis(value.movePointRight(3).longValue()));
        } catch (NumberFormatException e) {
            throw new ConfigException(raw.name() + " is '" + raw.value() + "' (from " + raw.from()
                    + "); it must be a number of seconds above 0 and up to 3600, such as 5 or 2.5");
        }
    };

    /** An item format this version writes: 1 or 2. */
    Form ITEM_FORMAT = raw -> {
        String value = raw.value().trim();
        if (!value.equals("1") && !value.equals("2")) {
            throw new ConfigException(raw.name() + " is '" + value + "' (from " + raw.from() + "); it must be 1 or 2");
        }
        return Integer.parseInt(value);
    };

    /**
     * A part of every item path, and of the resources and {@code s3:prefix} conditions of the
     * generated policies, where {@code *} and {@code ?} are wildcards: empty, or one name by the
     * naming rule once the slashes around it (which item paths have always ignored) are set aside.
     */
    Form PATH_PART = raw -> {
        String value = raw.value();
        if (value.isEmpty() || Names.isValid(stripSlashes(value))) {
            return value;
        }
        throw new ConfigException(raw.name() + " is '" + Names.escaped(value) + "' (from " + raw.from() + "); it "
                + "must be empty or one name of 1 to 128 of A-Z a-z 0-9 _ . - (not '.' or '..', no '/', '*' or '?'), "
                + "as it is part of every item path and policy");
    };

    /**
     * KMS encryption context pairs. Messer 2.x accepted any string here and never used it, so a value
     * in the legacy {@code [aws]}/{@code [messer]} sections that holds no {@code =} (such as
     * {@code messer_unittest_context}) means no pairs, as it did for Messer.
     */
    Form ENCRYPTION_CONTEXT = raw -> {
        if (raw.source().isLegacySection() && !raw.value().contains("=")) {
            return EncryptionContext.parse("");
        }
        try {
            return EncryptionContext.parse(raw.value());
        } catch (RuntimeException e) {
            throw new ConfigException(e.getMessage() + " (from " + raw.from() + ")");
        }
    };

    /**
     * The variables items may set: name patterns such as {@code DB_*}, separated by spaces or commas;
     * none when empty.
     */
    Form ALLOWED_VARIABLES = raw -> {
        String value = raw.value().trim();
        List<String> patterns = Arrays.stream(value.split("[\\s,]+")).filter(p -> !p.isEmpty()).toList();
        try {
            return VariableAllowList.of(patterns, raw.from());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("allowed_variables is '" + value + "' (from " + raw.from() + "): "
                    + e.getMessage() + "; give variable names or patterns with *, separated by spaces, "
                    + "such as DB_* API_* APP_*");
        }
    };

    /**
     * A pinned public key: {@code SHA256:} and 43 base64 characters (the SHA-256 of its DER
     * SubjectPublicKeyInfo), as written; empty for none.
     */
    Form KEY_FINGERPRINT = raw -> {
        String value = raw.value().trim();
        if (!value.isEmpty() && !value.matches("SHA256:[A-Za-z0-9+/]{43}")) {
            throw new ConfigException(raw.name() + " '" + value + "' (from " + raw.from() + ") is not a key "
                    + "fingerprint; copy the SHA256:... line that recovery set or recovery keygen prints");
        }
        return value;
    };

    /** {@code standard} (also when empty) or {@code adaptive}, in any case. */
    Form RETRY_MODE = raw -> switch (raw.value().trim().toLowerCase(Locale.ROOT)) {
        case "", "standard" -> AwsSettings.RetryMode.STANDARD;
        case "adaptive" -> AwsSettings.RetryMode.ADAPTIVE;
        default -> throw new ConfigException(raw.name() + " is '" + raw.value() + "' (from " + raw.from()
                + "); use standard or adaptive");
    };

    /** An optional whole number from {@code min} to {@code max}; {@code rule} says so when it is not. */
    static Form number(int min, int max, String rule) {
        return raw -> {
            OptionalInt value = number(raw);
            if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
                throw new ConfigException(raw.name() + " is " + value.getAsInt() + " (from " + raw.from() + "); "
                        + rule);
            }
            return value;
        };
    }

    private static OptionalInt number(Sourced<String> raw) {
        if (!raw.isSet()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(raw.value().trim()));
        } catch (NumberFormatException e) {
            throw new ConfigException(raw.name() + " is '" + raw.value() + "' (from " + raw.from()
                    + "); it must be a number");
        }
    }

    private static String stripSlashes(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '/') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(start, end);
    }
}
