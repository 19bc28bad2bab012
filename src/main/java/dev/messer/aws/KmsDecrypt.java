package dev.messer.aws;

import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;

/**
 * KMS {@code Decrypt}, the call {@link KmsMasterKey#unwrap} makes: through the full KMS client
 * ({@link #of}), or as one signed request ({@link LeanKmsDecrypt}). Both fail with the SDK's
 * exceptions, so the master key translates them the same way.
 */
interface KmsDecrypt {

    /**
     * @param context the encryption context; sent only when not empty
     * @return the plaintext, in an array the caller owns and wipes; every other copy is wiped
     */
    byte[] decrypt(String keyId, byte[] wrapped, Map<String, String> context) throws SdkException;

    /** The full client's Decrypt. */
    static KmsDecrypt of(KmsClient client) {
        return (keyId, wrapped, context) -> {
            DecryptRequest.Builder request = DecryptRequest.builder()
                    .keyId(keyId)
                    .ciphertextBlob(SdkBytes.fromByteArray(wrapped));
            if (!context.isEmpty()) {
                request.encryptionContext(context);
            }
            byte[] shared = client.decrypt(request.build()).plaintext().asByteArrayUnsafe();
            byte[] material = Arrays.copyOf(shared, shared.length);
            Arrays.fill(shared, (byte) 0);
            return material;
        };
    }
}
