package dev.messer.aws.policy;

import java.util.List;

/**
 * The principals a KMS key policy names, by what they do with the key (role ARNs, or any IAM
 * principal ARN).
 *
 * @param keyAdmins key management without cryptographic use
 * @param admins    messer admins: create data key versions and unwrap them
 * @param writers   unwrap data keys to encrypt items
 * @param readers   unwrap data keys to decrypt items
 */
public record KeyPolicyRoles(List<String> keyAdmins, List<String> admins, List<String> writers,
                             List<String> readers) {

    public KeyPolicyRoles {
        keyAdmins = List.copyOf(keyAdmins);
        admins = List.copyOf(admins);
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
    }

    public boolean isEmpty() {
        return keyAdmins.isEmpty() && admins.isEmpty() && writers.isEmpty() && readers.isEmpty();
    }

    /** The same roles with {@code principal} added as a key administrator. */
    public KeyPolicyRoles withKeyAdmin(String principal) {
        List<String> more = new java.util.ArrayList<>(keyAdmins);
        if (!more.contains(principal)) {
            more.add(principal);
        }
        return new KeyPolicyRoles(more, admins, writers, readers);
    }
}
