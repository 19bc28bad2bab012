package dev.messer.aws.setup;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.aws.AwsErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The replication role in IAM: created when missing (trusted by S3 alone), and the tier's inline
 * policy put when missing or different. The role may be shared with other tiers and other rules:
 * their inline policies and its trust policy are never changed.
 */
public final class ReplicationRole {

    private final IamClient iam;

    public ReplicationRole(IamClient iam) {
        this.iam = iam;
    }

    /** The role's name in its ARN ({@code arn:aws:iam::A:role/path/NAME}), or the name as given. */
    public static String name(String nameOrArn) {
        return nameOrArn.contains(":role/") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    /**
     * Checks the role and its inline policy {@code policyName}; with {@code fix}, creates and puts what
     * is missing or different.
     */
    public List<KeyFinding> check(String roleArn, JsonObject trust, String policyName, JsonObject permissions,
                                  boolean fix) {
        String role = name(roleArn);
        List<KeyFinding> findings = new ArrayList<>();
        Optional<Role> found = role(role);
        if (found.isEmpty() && !fix) {
            findings.add(KeyFinding.problem("replication role", roleArn + " does not exist", true));
            findings.add(KeyFinding.problem("replication role policy", policyName + " is missing", true));
            return findings;
        }
        if (found.isEmpty()) {
            call("iam:CreateRole", role, () -> iam.createRole(r -> r.roleName(role)
                    .assumeRolePolicyDocument(trust.toString())
                    .description("S3 Replication of the messer secrets bucket")));
            findings.add(KeyFinding.changed("replication role", "created " + roleArn + ", trusted by s3.amazonaws.com"));
        } else if (!decoded(found.get().assumeRolePolicyDocument()).contains("s3.amazonaws.com")) {
            findings.add(KeyFinding.problem("replication role", roleArn + " is not trusted by s3.amazonaws.com; "
                    + "add it to the role's trust policy", false));
        } else {
            findings.add(KeyFinding.ok("replication role", roleArn + ", trusted by s3.amazonaws.com"));
        }
        Optional<String> have = inline(role, policyName);
        boolean same = have.map(text -> JsonParser.parseString(text).equals(permissions)).orElse(false);
        if (same) {
            findings.add(KeyFinding.ok("replication role policy", policyName + " as wanted"));
        } else if (!fix) {
            findings.add(KeyFinding.problem("replication role policy", policyName + (have.isEmpty() ? " is missing"
                    : " differs from the one of 'messer policy aws --replication-policy'"), true));
        } else {
            call("iam:PutRolePolicy", role, () -> iam.putRolePolicy(r -> r.roleName(role).policyName(policyName)
                    .policyDocument(permissions.toString())));
            findings.add(KeyFinding.changed("replication role policy", "put " + policyName));
        }
        return findings;
    }

    /** The inline policy's document, or empty when the role or the policy does not exist. */
    public Optional<String> inline(String role, String policyName) {
        try {
            return Optional.of(decoded(iam.getRolePolicy(r -> r.roleName(name(role)).policyName(policyName))
                    .policyDocument()));
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "IAM", "iam:GetRolePolicy", "role " + role);
        }
    }

    private Optional<Role> role(String role) {
        try {
            return Optional.of(iam.getRole(r -> r.roleName(role)).role());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "IAM", "iam:GetRole", "role " + role);
        }
    }

    /** IAM returns policy documents URL-encoded (RFC 3986); an emulator may not. */
    private static String decoded(String document) {
        return document == null || document.trim().startsWith("{") ? String.valueOf(document)
                : URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    private static void call(String action, String role, Runnable call) {
        try {
            call.run();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "IAM", action, "role " + role);
        }
    }
}
