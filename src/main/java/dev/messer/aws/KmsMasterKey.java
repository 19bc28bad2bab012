package dev.messer.aws;

import dev.messer.aws.AwsErrors;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.masterkey.MasterKey;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;

/**
 * A KMS key named by its alias ({@code alias/<master_key>}). New data keys come from
 * {@code GenerateDataKeyWithoutPlaintext}, so their plaintext never leaves KMS when a key is
 * created; unwrapping is {@code Decrypt} with the same encryption context. The wrapped form is the
 * raw {@code CiphertextBlob}, as Messer stores it.
 */
public final class KmsMasterKey implements MasterKey {

    private final Supplier<KmsClient> client;
    private final Supplier<KmsDecrypt> decrypt;
    private final String keyId;
    private final String where;

    /**
     * @param alias  the {@code master_key} setting, without the {@code alias/} prefix
     * @param where  the region, for messages
     */
    public KmsMasterKey(Supplier<KmsClient> client, String alias, String where) {
        this(client, () -> KmsDecrypt.of(client.get()), alias, where);
    }

    /** A key whose unwrap takes the factory's lean path while it has built no KMS client ({@link AwsClientFactory#kmsDecrypt()}). */
    public KmsMasterKey(AwsClientFactory clients, String alias, String where) {
        this(clients::kms, clients::kmsDecrypt, alias, where);
    }

    private KmsMasterKey(Supplier<KmsClient> client, Supplier<KmsDecrypt> decrypt, String alias, String where) {
        this.client = client;
        this.decrypt = decrypt;
        this.keyId = "alias/" + alias;
        this.where = where;
    }

    @Override
    public byte[] generateWrappedDataKey(EncryptionContext context) {
        GenerateDataKeyWithoutPlaintextRequest.Builder request = GenerateDataKeyWithoutPlaintextRequest.builder()
                .keyId(keyId)
                .keySpec(DataKeySpec.AES_256);
        if (!context.isEmpty()) {
            request.encryptionContext(context.asMap());
        }
        try {
            return client.get().generateDataKeyWithoutPlaintext(request.build()).ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw translate(e, "kms:GenerateDataKeyWithoutPlaintext");
        }
    }

    /** KMS {@code Encrypt} of the key's bytes; the SDK's copy of them is wiped once sent. */
    @Override
    public byte[] wrap(DataKey dataKey, EncryptionContext context) {
        byte[] copy = dataKey.withMaterialForWrapping(material -> Arrays.copyOf(material, material.length));
        try {
            EncryptRequest.Builder request = EncryptRequest.builder().keyId(keyId)
                    .plaintext(SdkBytes.fromByteArrayUnsafe(copy));
            if (!context.isEmpty()) {
                request.encryptionContext(context.asMap());
            }
            return client.get().encrypt(request.build()).ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw translate(e, "kms:Encrypt");
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    @Override
    public DataKey unwrap(byte[] wrapped, EncryptionContext context) {
        byte[] material;
        try {
            material = decrypt.get().decrypt(keyId, wrapped, context.isEmpty() ? Map.of() : context.asMap());
        } catch (SdkException e) {
            throw translate(e, "kms:Decrypt");
        }
        try {
            return DataKey.adopt(material);
        } catch (IllegalArgumentException e) {
            throw new IntegrityException(describe() + " unwrapped a key of the wrong length: the key object is "
                    + "not a messer data key");
        }
    }

    @Override
    public String describe() {
        return "KMS key " + keyId + " (" + where + ")";
    }

    private MesserException translate(SdkException e, String action) {
        String code = AwsErrors.errorCode(e);
        switch (code) {
            case "NotFoundException":
                return new NotFoundException(describe() + " does not exist; create the key and alias (see docs/aws.md) "
                        + "or correct master_key and region", e);
            case "DisabledException":
                return new AccessDeniedException(describe() + " is disabled, so " + action
                        + " was refused; enable it ('aws kms enable-key') or use another master_key", e);
            case "KMSInvalidStateException":
                return new AccessDeniedException(describe() + " cannot be used now (" + AwsErrors.serviceMessage(e)
                        + "); cancel its deletion or enable it, or use another master_key", e);
            case "InvalidCiphertextException":
                return new IntegrityException("cannot unwrap the data key with " + describe()
                        + ": the encryption context does not match or the key object is corrupted", e);
            case "AccessDeniedException":
                if (action.equals("kms:Decrypt")) {
                    return new AccessDeniedException("access denied: kms:Decrypt on " + describe() + " was refused; "
                            + "grant kms:Decrypt on the key to the caller, or check that the key object was wrapped "
                            + "by this master key (see docs/aws.md)", e);
                }
                return AwsErrors.translate(e, "KMS", action, keyId);
            case "IncorrectKeyException":
                return new IntegrityException("cannot unwrap the data key with " + describe()
                        + ": it was wrapped by another KMS key", e);
            default:
                return AwsErrors.translate(e, "KMS", action, keyId);
        }
    }
}
