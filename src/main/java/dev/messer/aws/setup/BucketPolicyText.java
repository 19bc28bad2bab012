package dev.messer.aws.setup;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * Adds one statement to a bucket policy as S3 returned it: every other statement is kept as it is,
 * and a statement with the same {@code Sid} is replaced, so that setting a statement twice leaves one.
 */
final class BucketPolicyText {

    private BucketPolicyText() {
    }

    /** The existing policy (or a new one) with {@code statement} in place of any statement of its Sid. */
    static String withStatement(Optional<String> existing, JsonObject statement) {
        JsonObject policy = existing.map(p -> JsonParser.parseString(p).getAsJsonObject()).orElseGet(() -> {
            JsonObject fresh = new JsonObject();
            fresh.addProperty("Version", "2012-10-17");
            return fresh;
        });
        JsonElement statements = policy.get("Statement");
        JsonArray kept = new JsonArray();
        JsonArray present = new JsonArray();
        if (statements != null && statements.isJsonArray()) {
            present = statements.getAsJsonArray();
        } else if (statements != null && statements.isJsonObject()) {
            present.add(statements);
        }
        for (JsonElement element : present) {
            if (!(element.isJsonObject() && statement.get("Sid").equals(element.getAsJsonObject().get("Sid")))) {
                kept.add(element);
            }
        }
        kept.add(statement);
        policy.add("Statement", kept);
        return policy.toString();
    }

    /** The statement of {@code sid} in a policy text, if there is one and the text parses. */
    static Optional<JsonObject> statement(String policy, String sid) {
        try {
            JsonElement statements = JsonParser.parseString(policy).getAsJsonObject().get("Statement");
            JsonArray list = new JsonArray();
            if (statements != null && statements.isJsonArray()) {
                list = statements.getAsJsonArray();
            } else if (statements != null) {
                list.add(statements);
            }
            for (JsonElement element : list) {
                if (element.isJsonObject() && element.getAsJsonObject().has("Sid")
                        && sid.equals(element.getAsJsonObject().get("Sid").getAsString())) {
                    return Optional.of(element.getAsJsonObject());
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
