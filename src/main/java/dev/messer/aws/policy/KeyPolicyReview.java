package dev.messer.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.messer.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a KMS key policy as text: its broad grants, the statements of a wanted policy it lacks, the
 * policy with those added, and what it lets one principal do. Reads the text only; what IAM
 * policies add is out of its sight.
 */
public final class KeyPolicyReview {

    private final JsonObject policy;
    private final List<JsonObject> statements = new ArrayList<>();

    private KeyPolicyReview(JsonObject policy) {
        this.policy = policy;
        JsonElement list = policy.get("Statement");
        if (list != null && list.isJsonArray()) {
            list.getAsJsonArray().forEach(e -> statements.add(e.getAsJsonObject()));
        } else if (list != null && list.isJsonObject()) {
            statements.add(list.getAsJsonObject());
        }
    }

    /** @throws InvalidInputException if the text is not a JSON policy */
    public static KeyPolicyReview of(String text) {
        try {
            return new KeyPolicyReview(JsonParser.parseString(text).getAsJsonObject());
        } catch (JsonSyntaxException | IllegalStateException e) {
            throw new InvalidInputException("the key policy is not a JSON policy document");
        }
    }

    public static KeyPolicyReview of(JsonObject policy) {
        return new KeyPolicyReview(policy.deepCopy());
    }

    public JsonObject policy() {
        return policy.deepCopy();
    }

    /**
     * The statements that grant too much: {@code kms:*} (or {@code *}) allowed to anyone but the
     * account root and {@code keyAdmins}, and any Allow to {@code Principal: "*"} without conditions.
     * Each as "statement SID: what".
     */
    public List<String> broadGrants(String partition, String account, List<String> keyAdmins) {
        String root = "arn:" + partition + ":iam::" + account + ":root";
        List<String> found = new ArrayList<>();
        for (JsonObject statement : statements) {
            if (!"Allow".equals(text(statement, "Effect"))) {
                continue;
            }
            List<String> principals = principals(statement);
            String name = "statement " + (statement.has("Sid") ? text(statement, "Sid") : "without Sid");
            boolean anyone = principals.contains("*");
            if (anyone && !statement.has("Condition")) {
                found.add(name + " allows " + String.join(", ", strings(statement, "Action"))
                        + " to Principal \"*\" without conditions");
                continue;
            }
            List<String> actions = strings(statement, "Action");
            if (actions.contains("kms:*") || actions.contains("*")) {
                List<String> others = new ArrayList<>();
                for (String principal : principals) {
                    if (!principal.equals(root) && !principal.equals(account) && !keyAdmins.contains(principal)) {
                        others.add(principal);
                    }
                }
                if (!others.isEmpty()) {
                    found.add(name + " allows kms:* to " + String.join(", ", others));
                }
            }
        }
        return found;
    }

    /** The Sids of {@code wanted}'s statements that this policy has no statement for. */
    public List<String> missingStatements(JsonObject wanted) {
        Set<String> present = sids();
        List<String> missing = new ArrayList<>();
        for (JsonObject statement : new KeyPolicyReview(wanted).statements) {
            String sid = text(statement, "Sid");
            if (!present.contains(sid)) {
                missing.add(sid);
            }
        }
        return missing;
    }

    /**
     * This policy with {@code wanted}'s missing statements appended. Every statement already there,
     * whatever its Sid, is kept as it is.
     */
    public JsonObject withMissingStatements(JsonObject wanted) {
        JsonObject merged = policy.deepCopy();
        JsonArray list = new JsonArray();
        statements.forEach(s -> list.add(s.deepCopy()));
        List<String> missing = missingStatements(wanted);
        for (JsonObject statement : new KeyPolicyReview(wanted).statements) {
            if (missing.contains(text(statement, "Sid"))) {
                list.add(statement.deepCopy());
            }
        }
        merged.add("Statement", list);
        return merged;
    }

    /**
     * Of {@code actions}, those this policy's text lets {@code principal} perform: an Allow naming
     * it (or {@code *}), and no unconditional Deny. A condition on the Allow is kept in the answer
     * ("kms:Decrypt (with conditions)"). Grants to the account root only are not counted: they
     * delegate to IAM policies, which this review does not see.
     */
    public List<String> allowedTo(String principal, List<String> actions) {
        List<String> allowed = new ArrayList<>();
        for (String action : actions) {
            boolean denied = false;
            boolean conditional = false;
            boolean plain = false;
            for (JsonObject statement : statements) {
                if (!covers(statement, action) || !names(statement, principal)) {
                    continue;
                }
                boolean hasCondition = statement.has("Condition");
                if ("Deny".equals(text(statement, "Effect"))) {
                    denied |= !hasCondition;
                } else if ("Allow".equals(text(statement, "Effect"))) {
                    plain |= !hasCondition;
                    conditional |= hasCondition;
                }
            }
            if (!denied && plain) {
                allowed.add(action);
            } else if (!denied && conditional) {
                allowed.add(action + " (with conditions)");
            }
        }
        return allowed;
    }

    private Set<String> sids() {
        Set<String> sids = new LinkedHashSet<>();
        statements.forEach(s -> {
            if (s.has("Sid")) {
                sids.add(text(s, "Sid"));
            }
        });
        return sids;
    }

    private static boolean covers(JsonObject statement, String action) {
        for (String pattern : strings(statement, "Action")) {
            if (pattern.equals("*") || pattern.equalsIgnoreCase(action)
                    || (pattern.endsWith("*") && action.toLowerCase().startsWith(
                            pattern.substring(0, pattern.length() - 1).toLowerCase()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(JsonObject statement, String principal) {
        List<String> principals = principals(statement);
        if (principals.contains("*") || principals.contains(principal)) {
            return true;
        }
        String role = roleOfAssumedRole(principal);
        return role != null && principals.stream().anyMatch(p -> p.contains(":role/") && p.endsWith("/" + role));
    }

    /** {@code NAME} of {@code arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION}, else null. */
    private static String roleOfAssumedRole(String arn) {
        int at = arn.indexOf(":assumed-role/");
        if (at < 0) {
            return null;
        }
        String rest = arn.substring(at + ":assumed-role/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The principals of a statement; {@code Principal: "*"} and {@code {"AWS": "*"}} both give "*". */
    static List<String> principals(JsonObject statement) {
        JsonElement principal = statement.get("Principal");
        List<String> found = new ArrayList<>();
        if (principal == null) {
            return found;
        }
        if (principal.isJsonPrimitive()) {
            found.add(principal.getAsString());
            return found;
        }
        if (principal.isJsonObject()) {
            for (var entry : principal.getAsJsonObject().entrySet()) {
                found.addAll(PolicyValues.strings(entry.getValue()));
            }
        }
        return found;
    }

    private static List<String> strings(JsonObject statement, String field) {
        return PolicyValues.strings(statement.get(field));
    }

    private static String text(JsonObject statement, String field) {
        JsonElement value = statement.get(field);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
    }
}
