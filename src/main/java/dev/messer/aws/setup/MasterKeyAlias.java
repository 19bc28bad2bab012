package dev.messer.aws.setup;

import dev.messer.aws.AwsErrors;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** Checks that {@code alias/<master_key>} names an enabled symmetric encryption key. */
public final class MasterKeyAlias {

    private MasterKeyAlias() {
    }

    /** @return "alias/x -> key ID (enabled, symmetric)" @throws NotFoundException or UnavailableException with the fix */
    public static String check(KmsClient kms, String masterKey, String region) {
        String alias = masterKey.startsWith("alias/") ? masterKey : "alias/" + masterKey;
        KeyMetadata key;
        try {
            key = kms.describeKey(r -> r.keyId(alias)).keyMetadata();
        } catch (software.amazon.awssdk.services.kms.model.NotFoundException e) {
            throw new NotFoundException("KMS " + alias + " does not exist in " + region,
                    Hint.of("create the key and its alias with {} (see docs/aws.md)", Hint.aws("setup", "--create-key")));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "KMS", "kms:DescribeKey", alias);
        }
        if (key.keyState() != KeyState.ENABLED) {
            throw new UnavailableException("KMS " + alias + " points at key " + key.keyId() + " which is "
                    + key.keyStateAsString() + "; enable it (aws kms enable-key) or point the alias at an enabled key");
        }
        boolean wrongUsage = key.keyUsageAsString() != null && key.keyUsage() != KeyUsageType.ENCRYPT_DECRYPT;
        boolean wrongSpec = key.keySpecAsString() != null && key.keySpec() != KeySpec.SYMMETRIC_DEFAULT;
        if (wrongUsage || wrongSpec) {
            throw new UnavailableException("KMS " + alias + " points at key " + key.keyId() + " which is not a symmetric "
                    + "encryption key (" + key.keySpecAsString() + ", " + key.keyUsageAsString() + "); use a "
                    + "SYMMETRIC_DEFAULT ENCRYPT_DECRYPT key");
        }
        return alias + " -> key " + key.keyId() + " (enabled, symmetric)";
    }
}
