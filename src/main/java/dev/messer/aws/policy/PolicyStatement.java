package dev.messer.aws.policy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.error.InvalidInputException;
import dev.messer.names.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One statement of a key or bucket policy, read as IAM reads it: action names without regard to
 * case and with wildcards, {@code NotPrincipal} and {@code NotAction} as "everyone but" and "every
 * action but", and {@code Principal: "*"} or {@code {"AWS": "*"}} as anyone.
 */
public final class PolicyStatement {

    private final JsonObject json;

    private PolicyStatement(JsonObject json) {
        this.json = json;
    }

    /** The statements of a policy ({@code Statement} holds a list of them, or one). */
    public static List<PolicyStatement> of(JsonObject policy) {
        List<PolicyStatement> statements = new ArrayList<>();
        JsonElement list = policy.get("Statement");
        if (list == null) {
            return statements;
        }
        for (JsonElement element : list.isJsonArray() ? list.getAsJsonArray() : List.of(list)) {
            if (!element.isJsonObject()) {
                throw new InvalidInputException("the policy has a statement that is not a JSON object");
            }
            statements.add(new PolicyStatement(element.getAsJsonObject()));
        }
        return statements;
    }

    public JsonObject json() {
        return json.deepCopy();
    }

    public String sid() {
        return text("Sid");
    }

    /** "statement SID" or "statement without Sid", safe to print. */
    public String name() {
        return json.has("Sid") ? "statement " + Names.escaped(sid()) : "statement without Sid";
    }

    public boolean isAllow() {
        return "Allow".equals(text("Effect"));
    }

    public boolean isDeny() {
        return "Deny".equals(text("Effect"));
    }

    public boolean hasNotPrincipal() {
        return json.has("NotPrincipal");
    }

    public boolean hasNotAction() {
        return json.has("NotAction");
    }

    public boolean hasNotResource() {
        return json.has("NotResource");
    }

    /** The values of {@code Principal}, or of {@code NotPrincipal} when the statement has that instead. */
    public List<String> principals() {
        JsonElement principal = json.get(hasNotPrincipal() ? "NotPrincipal" : "Principal");
        List<String> found = new ArrayList<>();
        if (principal != null && principal.isJsonObject()) {
            principal.getAsJsonObject().entrySet().forEach(e -> found.addAll(PolicyValues.strings(e.getValue())));
        } else {
            found.addAll(PolicyValues.strings(principal));
        }
        return found;
    }

    /** The patterns of {@code Action}, or of {@code NotAction} when the statement has that instead. */
    public List<String> actions() {
        return PolicyValues.strings(json.get(hasNotAction() ? "NotAction" : "Action"));
    }

    /** The patterns of {@code Resource}, or of {@code NotResource}. */
    public List<String> resources() {
        return PolicyValues.strings(json.get(hasNotResource() ? "NotResource" : "Resource"));
    }

    /** {@code Principal: "*"} or a {@code "*"} among its values: anyone, in this account or any other. */
    public boolean anyone() {
        return !hasNotPrincipal() && principals().contains("*");
    }

    /** Whether the statement is about {@code action}, given its {@code Action} or {@code NotAction}. */
    public boolean coversAction(String action) {
        boolean listed = actions().stream().anyMatch(p -> IamGlob.matches(p, action, true));
        return hasNotAction() != listed;
    }

    /**
     * The first pattern of its {@code Action} that matches every action of {@code service}, also
     * those added later ({@code kms:*}, {@code *}, {@code KMS:*}), or null.
     */
    public String everyActionOf(String service) {
        if (hasNotAction()) {
            return null;
        }
        return actions().stream().filter(p -> IamGlob.matchesEveryValueStartingWith(p, service + ":", true))
                .findFirst().orElse(null);
    }

    /**
     * Whether the statement is about {@code principal} (an ARN): named, or its role for a session
     * ARN {@code arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION}, or {@code *}; with
     * {@code NotPrincipal}, everyone not so named.
     */
    public boolean names(String principal) {
        List<String> principals = principals();
        String role = roleOfAssumedRole(principal);
        boolean listed = principals.contains("*") || principals.contains(principal) || role != null
                && principals.stream().anyMatch(p -> p.contains(":role/") && p.endsWith("/" + role));
        return hasNotPrincipal() != listed;
    }

    public boolean hasCondition() {
        return json.has("Condition") && json.get("Condition").isJsonObject()
                && !json.getAsJsonObject("Condition").isEmpty();
    }

    /**
     * The condition as operator, then key, then values. Keys are lower-cased (IAM compares condition
     * key names without regard to case); operators and values are kept as written.
     */
    public Map<String, Map<String, List<String>>> conditions() {
        Map<String, Map<String, List<String>>> conditions = new TreeMap<>();
        if (!hasCondition()) {
            return conditions;
        }
        for (var operator : json.getAsJsonObject("Condition").entrySet()) {
            Map<String, List<String>> tests = new LinkedHashMap<>();
            if (operator.getValue().isJsonObject()) {
                for (var test : operator.getValue().getAsJsonObject().entrySet()) {
                    tests.put(test.getKey().toLowerCase(Locale.ROOT), PolicyValues.strings(test.getValue()));
                }
            }
            conditions.put(operator.getKey(), tests);
        }
        return conditions;
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

    private String text(String field) {
        JsonElement value = json.get(field);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
    }
}
