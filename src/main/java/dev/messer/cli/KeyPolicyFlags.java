package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.aws.policy.KeyPolicyRoles;
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

    @Parameter(names = "--require-mfa", description = "Deny deleting, disabling and re-policying the key without MFA")
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

    boolean anyGiven() {
        return !roles().isEmpty() || requireMfa;
    }
}
