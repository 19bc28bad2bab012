package dev.messer.aws.policy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A small evaluator of KMS key policies, for the proofs moto cannot give (it enforces no policy). It
 * implements only what messer's key policies use, and fails on anything else instead of guessing.
 * Sources, all from the AWS documentation:
 * <ul>
 *   <li>IAM User Guide, "Policy evaluation logic": an explicit Deny wins over any Allow; without an
 *       Allow the request is implicitly denied.</li>
 *   <li>IAM User Guide, "IAM JSON policy elements: Condition operators": String operators compare
 *       case-sensitively, {@code StringLike} with {@code *} and {@code ?}; {@code Bool} compares
 *       {@code true}/{@code false}; {@code ArnLike}/{@code ArnEquals} compare each of the six
 *       colon-separated parts, each with wildcards; "If the key that you specify in a policy condition
 *       is not present in the request context, the values do not match and the condition is
 *       false", except for the negated operators, which are then true; "...IfExists: if the key is
 *       not present, evaluate the condition element as true"; {@code Null} tests whether the key is
 *       absent ({@code true}) or present ({@code false}).</li>
 *   <li>IAM User Guide, "Creating a condition with multiple context keys or values": the operators
 *       of a Condition and the keys within one are ANDed, the values of one key are ORed; condition
 *       key names compare without regard to case.</li>
 *   <li>IAM User Guide, "AWS global condition context keys": {@code aws:PrincipalArn} of a role
 *       session is the role's ARN; {@code aws:MultiFactorAuthPresent} and
 *       {@code aws:MultiFactorAuthAge} are present only for temporary credentials, never for long-term
 *       access keys.</li>
 *   <li>KMS Developer Guide, "Default key policy": a key policy statement whose principal is the
 *       account ({@code arn:aws:iam::ACCOUNT:root}) lets the account's IAM policies decide for its
 *       principals.</li>
 * </ul>
 */
final class KeyPolicyEvaluator {

    enum Outcome {
        /** An explicit Deny of the key policy applies. */
        DENIED,
        /** An Allow of the key policy names the caller (or its role). */
        ALLOWED,
        /** Only the statement for the caller's account applies: its IAM policies decide. */
        LEFT_TO_IAM,
        /** Nothing allows it. */
        NOT_ALLOWED
    }

    /**
     * One request.
     *
     * @param who     the caller as STS names it (for messages)
     * @param context the request context: {@code aws:PrincipalArn}, {@code aws:PrincipalAccount},
     *                {@code aws:PrincipalType}, the MFA keys when the credentials carry them, and the
     *                {@code kms:EncryptionContext:...} keys of the call
     */
    record Request(String who, String action, Map<String, String> context) {

        Request {
            Map<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            folded.putAll(context);
            context = folded;
        }

        String principalArn() {
            return context.get("aws:PrincipalArn");
        }

        String account() {
            return context.get("aws:PrincipalAccount");
        }
    }

    private KeyPolicyEvaluator() {
    }

    static Outcome evaluate(JsonObject policy, Request request) {
        boolean allowed = false;
        boolean leftToIam = false;
        for (JsonElement element : policy.getAsJsonArray("Statement")) {
            JsonObject statement = element.getAsJsonObject();
            for (String unsupported : List.of("NotPrincipal", "NotAction", "NotResource")) {
                if (statement.has(unsupported)) {
                    throw new UnsupportedOperationException(unsupported + " in " + statement);
                }
            }
            if (!strings(statement.get("Resource")).equals(List.of("*"))) {
                throw new UnsupportedOperationException("a key policy resource other than *: " + statement);
            }
            if (!actionMatches(strings(statement.get("Action")), request.action())
                    || !conditionHolds(statement.getAsJsonObject("Condition"), request.context())) {
                continue;
            }
            Match match = principalMatch(statement.get("Principal"), request);
            boolean deny = statement.get("Effect").getAsString().equals("Deny");
            if (deny && match == Match.ACCOUNT) {
                throw new UnsupportedOperationException("a Deny to an account principal: " + statement);
            }
            if (deny && match == Match.DIRECT) {
                return Outcome.DENIED;
            }
            allowed |= !deny && match == Match.DIRECT;
            leftToIam |= !deny && match == Match.ACCOUNT;
        }
        return allowed ? Outcome.ALLOWED : leftToIam ? Outcome.LEFT_TO_IAM : Outcome.NOT_ALLOWED;
    }

    private enum Match { NONE, DIRECT, ACCOUNT }

    private static Match principalMatch(JsonElement principal, Request request) {
        List<String> values = new ArrayList<>();
        if (principal.isJsonObject()) {
            for (var entry : principal.getAsJsonObject().entrySet()) {
                if (!entry.getKey().equals("AWS")) {
                    throw new UnsupportedOperationException("principal type " + entry.getKey());
                }
                values.addAll(strings(entry.getValue()));
            }
        } else {
            values.addAll(strings(principal));
        }
        String root = "arn:aws:iam::" + request.account() + ":root";
        if (values.contains("*") || values.contains(request.principalArn())) {
            return Match.DIRECT;
        }
        return values.contains(root) || values.contains(request.account()) ? Match.ACCOUNT : Match.NONE;
    }

    private static boolean actionMatches(List<String> patterns, String action) {
        return patterns.stream().anyMatch(p -> glob(p.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)));
    }

    private static boolean conditionHolds(JsonObject condition, Map<String, String> context) {
        if (condition == null) {
            return true;
        }
        for (var operator : condition.entrySet()) {
            for (var test : operator.getValue().getAsJsonObject().entrySet()) {
                if (!test(operator.getKey(), strings(test.getValue()), context.get(test.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One key under one operator; {@code actual} null when the key is not in the request context. */
    private static boolean test(String operator, List<String> values, String actual) {
        if (operator.contains(":")) {
            throw new UnsupportedOperationException("set operator " + operator);
        }
        boolean ifExists = operator.endsWith("IfExists");
        String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
        if (base.equals("Null")) {
            return values.stream().anyMatch(v -> Boolean.parseBoolean(v) == (actual == null));
        }
        boolean negated = base.contains("Not");
        if (actual == null) {
            return ifExists || negated;
        }
        boolean any = values.stream().anyMatch(v -> switch (base.replace("Not", "")) {
            case "StringEquals" -> v.equals(actual);
            case "StringLike" -> glob(v, actual);
            case "Bool" -> v.equalsIgnoreCase(actual);
            case "ArnLike", "ArnEquals" -> arnLike(v, actual);
            case "NumericGreaterThan" -> new BigDecimal(actual).compareTo(new BigDecimal(v)) > 0;
            case "NumericLessThan" -> new BigDecimal(actual).compareTo(new BigDecimal(v)) < 0;
            default -> throw new UnsupportedOperationException("operator " + operator);
        });
        return negated != any;
    }

    private static boolean arnLike(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!glob(p[i], a[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    private static List<String> strings(JsonElement element) {
        List<String> values = new ArrayList<>();
        if (element == null) {
            return values;
        }
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        } else {
            values.add(element.getAsString());
        }
        return values;
    }
}
