package dev.messer.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.messer.config.CommonSettings;
import dev.messer.crypto.EncryptionContext;
import dev.messer.keys.KeyRing;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code kms:EncryptionContext:<key>} conditions that scope the cryptographic grants of a
 * policy to one tier and the profile's configured pairs. While the profile still reads key versions
 * without a context (Messer's, {@code item_format = 1}, or written before {@code messer:tier}),
 * the {@code StringEqualsIfExists} form is used: a request without that key then passes, while a
 * request carrying another tier's value is refused.
 *
 * @param pairs    {@code messer:tier} (unless the tier is empty) and the configured pairs
 * @param ifExists whether the {@code IfExists} form is used
 */
public record ContextConditions(Map<String, String> pairs, boolean ifExists) {

    public ContextConditions {
        pairs = Map.copyOf(pairs);
    }

    public static ContextConditions of(String tier, EncryptionContext configured, boolean ifExists) {
        Map<String, String> pairs = new TreeMap<>(configured.asMap());
        if (!tier.isEmpty()) {
            pairs.put(KeyRing.CONTEXT_TIER, tier);
        }
        return new ContextConditions(pairs, ifExists);
    }

    /** The conditions for a profile: its tier and pairs, in the {@code IfExists} form while it reads context-less versions. */
    public static ContextConditions forProfile(CommonSettings settings) {
        boolean ifExists = settings.readsContextless() || !settings.bindsContext();
        return of(settings.tier(), settings.encryptionContext(), ifExists);
    }

    public static ContextConditions none() {
        return new ContextConditions(Map.of(), false);
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    public String operator() {
        return ifExists ? "StringEqualsIfExists" : "StringEquals";
    }

    /** Adds the conditions to {@code condition} (a policy statement's Condition object). */
    void addTo(JsonObject condition) {
        if (pairs.isEmpty()) {
            return;
        }
        JsonObject test = condition.has(operator()) ? condition.getAsJsonObject(operator()) : new JsonObject();
        new TreeMap<>(pairs).forEach((key, value) -> {
            JsonArray values = new JsonArray();
            values.add(value);
            test.add("kms:EncryptionContext:" + key, values);
        });
        condition.add(operator(), test);
    }
}
