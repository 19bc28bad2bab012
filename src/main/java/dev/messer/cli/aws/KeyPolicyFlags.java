package dev.messer.cli.aws;

import com.beust.jcommander.Parameter;
import dev.messer.aws.policy.KeyPolicy;
import dev.messer.aws.policy.KeyPolicyRoles;
import dev.messer.cli.Console;
import dev.messer.cli.UsageException;
import java.util.ArrayList;
import java.util.List;

/** The role flags of a KMS key policy, shared by {@code policy aws --key-policy} and {@code setup aws}. */
final class KeyPolicyFlags {

    @Parameter(names = "--key-admin-role", description = "ARN allowed to manage the key, without using it (repeatable)")
    List<String> keyAdmins = new ArrayList<>();

    @Parameter(names = "--admin-role", description = "ARN of messer admins, who create key versions (repeatable)")
    List<String> admins = new ArrayList<>();

    @Parameter(names = "--writer-role", description = "ARN of writers, who unwrap data keys to encrypt (repeatable)")
    List<String> writers = new ArrayList<>();

    @Parameter(names = "--reader-role", description = "ARN of readers, who unwrap data keys to decrypt (repeatable)")
    List<String> readers = new ArrayList<>();

    @Parameter(names = "--account", description = "Account id of the key (else account_id, role_arn, or one STS call)")
    String account;

    @Parameter(names = "--require-mfa", description = "Deny deleting, disabling, re-policying the key and changing its "
            + "alias without recent MFA, to IAM users, the root and the key administrators")
    boolean requireMfa;

    KeyPolicyRoles roles() {
        for (List<String> arns : List.of(keyAdmins, admins, writers, readers)) {
            for (String arn : arns) {
                if (!arn.startsWith("arn:") || arn.split(":", -1).length < 6) {
                    throw new UsageException("'" + arn + "' is not an ARN; give a role ARN such as "
                            + "arn:aws:iam::123456789012:role/messer-reader");
                }
            }
        }
        return new KeyPolicyRoles(keyAdmins, admins, writers, readers);
    }

    /**
     * With {@code --require-mfa}, says on stderr whom the MFA denies lock out and whom they leave
     * to the roles' trust policies, and warns about key administrators that can never carry MFA.
     */
    void explainMfa(Console console) {
        if (!requireMfa) {
            return;
        }
        String actions = String.join(", ", KeyPolicy.DESTRUCTIVE_ACTIONS);
        console.info("note: --require-mfa denies " + actions + " without MFA in the last "
                + KeyPolicy.MAX_MFA_AGE_SECONDS + " seconds to IAM users and the account root"
                + (keyAdmins.isEmpty() ? "" : ", and to the key administrators " + String.join(", ", keyAdmins))
                + "; sessions of other roles (pipelines, IAM Identity Center) are not affected: require MFA in the "
                + "trust policy of each role a person assumes (docs/aws.md, \"MFA for the key\")");
        for (String admin : keyAdmins) {
            if (admin.contains(":role/aws-reserved/sso.amazonaws.com/") || admin.contains("/AWSReservedSSO_")) {
                console.error("warning: key administrator " + admin + " is an IAM Identity Center role, whose sessions "
                        + "carry no MFA context: with --require-mfa it can no longer re-policy, disable or delete the "
                        + "key, or change its alias; name a role that people assume with MFA instead");
            }
        }
    }

    /** The flags as they were given, for a command line that repeats them. */
    List<String> arguments() {
        List<String> words = new ArrayList<>();
        keyAdmins.forEach(arn -> words.addAll(List.of("--key-admin-role", arn)));
        admins.forEach(arn -> words.addAll(List.of("--admin-role", arn)));
        writers.forEach(arn -> words.addAll(List.of("--writer-role", arn)));
        readers.forEach(arn -> words.addAll(List.of("--reader-role", arn)));
        if (account != null) {
            words.addAll(List.of("--account", account));
        }
        if (requireMfa) {
            words.add("--require-mfa");
        }
        return words;
    }

    boolean anyGiven() {
        return !roles().isEmpty() || requireMfa;
    }
}
