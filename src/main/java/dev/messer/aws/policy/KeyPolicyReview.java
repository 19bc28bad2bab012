package dev.messer.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.messer.error.InvalidInputException;
import dev.messer.names.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a KMS key policy as text: its broad grants, the statements of a wanted policy it lacks, the
 * policy with those added, and what it lets one principal do. Statements are read as IAM reads them
 * ({@link PolicyStatement}) and recognised by what they say, never by their {@code Sid}. Reads the
 * text only; what IAM policies add is out of its sight.
 */
public final class KeyPolicyReview {

    private final JsonObject policy;
    private final List<PolicyStatement> statements;

    private KeyPolicyReview(JsonObject policy) {
        this.policy = policy;
        this.statements = PolicyStatement.of(policy);
    }

    /** @throws InvalidInputException if the text is not a JSON policy */
    public static KeyPolicyReview of(String text) {
        try {
            return new KeyPolicyReview(JsonParser.parseString(text).getAsJsonObject());
        } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException e) {
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
     * The statements that grant too much, each as "statement SID allows ...": the grants every
     * policy must not make ({@link BroadGrants}), and any pattern that matches every KMS action
     * ({@code kms:*}, {@code KMS:*}, {@code *}) allowed to anyone but the account root and
     * {@code keyAdmins}.
     */
    public List<String> broadGrants(String partition, String account, List<String> keyAdmins) {
        String root = "arn:" + partition + ":iam::" + account + ":root";
        List<String> found = new ArrayList<>();
        for (PolicyStatement statement : statements) {
            String open = BroadGrants.of(statement);
            if (open != null) {
                found.add(open);
                continue;
            }
            String everyAction = statement.isAllow() ? statement.everyActionOf("kms") : null;
            if (everyAction != null) {
                List<String> others = new ArrayList<>();
                for (String principal : statement.principals()) {
                    if (!principal.equals(root) && !principal.equals(account) && !keyAdmins.contains(principal)) {
                        others.add(Names.escaped(principal));
                    }
                }
                if (!others.isEmpty()) {
                    found.add(statement.name() + " allows " + Names.escaped(everyAction) + " to " + String.join(", ", others));
                }
            }
        }
        return found;
    }

    /**
     * The Sids of {@code wanted}'s statements that no statement of this policy gives, whatever its
     * own Sid ({@link StatementCoverage}).
     */
    public List<String> missingStatements(JsonObject wanted) {
        List<String> missing = new ArrayList<>();
        for (PolicyStatement statement : missing(wanted)) {
            missing.add(statement.sid());
        }
        return missing;
    }

    /**
     * This policy with {@code wanted}'s missing statements appended. Every statement already there,
     * whatever its Sid, is kept as it is; an appended statement whose Sid is taken gets a number after
     * it, as Sids must differ.
     */
    public JsonObject withMissingStatements(JsonObject wanted) {
        JsonObject merged = policy.deepCopy();
        JsonArray list = new JsonArray();
        Set<String> sids = new HashSet<>();
        statements.forEach(s -> {
            list.add(s.json());
            sids.add(s.sid());
        });
        for (PolicyStatement statement : missing(wanted)) {
            JsonObject added = statement.json();
            String sid = statement.sid();
            for (int n = 2; sids.contains(sid); n++) {
                sid = statement.sid() + n;
            }
            sids.add(sid);
            added.addProperty("Sid", sid);
            list.add(added);
        }
        merged.add("Statement", list);
        return merged;
    }

    /**
     * Of {@code actions}, those this policy's text lets {@code principal} perform: an Allow that
     * applies to it (named, {@code *}, or not excluded by {@code NotPrincipal}) and covers the action,
     * and no unconditional Deny that does. A condition on the Allow is kept in the answer
     * ("kms:Decrypt (with conditions)"). Grants to the account root only are not counted: they
     * delegate to IAM policies, which this review does not see.
     */
    public List<String> allowedTo(String principal, List<String> actions) {
        List<String> allowed = new ArrayList<>();
        for (String action : actions) {
            boolean denied = false;
            boolean conditional = false;
            boolean plain = false;
            for (PolicyStatement statement : statements) {
                if (!statement.coversAction(action) || !statement.names(principal)) {
                    continue;
                }
                boolean hasCondition = statement.hasCondition();
                if (statement.isDeny()) {
                    denied |= !hasCondition;
                } else if (statement.isAllow()) {
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

    private List<PolicyStatement> missing(JsonObject wanted) {
        List<PolicyStatement> missing = new ArrayList<>();
        for (PolicyStatement statement : PolicyStatement.of(wanted)) {
            if (statements.stream().noneMatch(s -> StatementCoverage.gives(s, statement))) {
                missing.add(statement);
            }
        }
        return missing;
    }
}
