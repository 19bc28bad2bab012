package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.aws.S3BlobStore;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConfigException;
import dev.messer.error.IntegrityException;
import dev.messer.error.UnavailableException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The failures moto cannot produce, through the SDK's real protocol against a loopback endpoint
 * that answers with a fixed AWS error: each becomes one line naming what failed and the fix.
 */
class AwsFailuresIT {

    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "testing",
            "AWS_SECRET_ACCESS_KEY", "testing", "AWS_EC2_METADATA_DISABLED", "true", "HOME", "/nonexistent");

    @Test
    void s3Throttling_pastTheRetries_isUnavailable() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.s3Error(503, "SlowDown", "Please reduce your request rate.");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            S3BlobStore store = new S3BlobStore(clients::s3, "secrets", "secrets_bucket", Optional.empty());

            assertThatThrownBy(() -> store.get("dev/bag/db"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("S3 kept throttling s3:GetObject on s3://secrets/dev/bag/db after the retries "
                            + "(SlowDown); wait a moment and run the command again");
            assertThat(endpoint.requests()).as("standard retry mode: 3 attempts").isEqualTo(3);
        }
    }

    @Test
    void s3AccessDenied_namesTheActionAndResource_andOverPlainHttpTheTlsOnlyPolicy() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.s3Error(403, "AccessDenied", "Access Denied");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            S3BlobStore store = new S3BlobStore(clients::s3, "secrets", "secrets_bucket", Optional.empty());

            assertThatThrownBy(() -> store.put("dev/bag/db", new byte[1], Map.of()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("access denied: s3:PutObject on s3://secrets/dev/bag/db was refused over the plain-HTTP "
                            + "endpoint " + endpoint.endpoint() + "; a bucket policy statement that denies requests "
                            + "without TLS (MesserDenyInsecureTransport, added by 'messer setup aws' over HTTPS) "
                            + "refuses every such request, so use an https:// endpoint or remove that statement; "
                            + "otherwise grant s3:PutObject to the caller (see docs/aws.md)");
            assertThat(endpoint.requests()).isEqualTo(1);
        }
    }

    @Test
    void s3ExpiredToken_asksToRenewTheCredentials() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.s3Error(400, "ExpiredToken",
                "The provided token has expired.");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            S3BlobStore store = new S3BlobStore(clients::s3, "secrets", "secrets_bucket", Optional.empty());

            assertThatThrownBy(() -> store.list("dev/"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("AWS rejected the credentials for s3:ListBucket on s3://secrets/dev/* (ExpiredToken); "
                            + "renew them (a new session or SSO login) or check aws_profile, AWS_PROFILE and "
                            + "AWS_ACCESS_KEY_ID");
        }
    }

    @Test
    void s3ServerError_pastTheRetries_isUnavailable() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.s3Error(500, "InternalError", "We encountered an error.");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            S3BlobStore store = new S3BlobStore(clients::s3, "secrets", "secrets_bucket", Optional.empty());

            assertThatThrownBy(() -> store.delete("dev/bag/db"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("S3 failed s3:DeleteObject on s3://secrets/dev/bag/db after the retries "
                            + "(InternalError, HTTP 500); run the command again later");
            assertThat(endpoint.requests()).isEqualTo(3);
        }
    }

    @Test
    void s3ConditionalRequestConflict_onCreate_isAlreadyExists() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.s3Error(409, "ConditionalRequestConflict",
                "A conflicting operation occurred.");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            S3BlobStore store = new S3BlobStore(clients::s3, "keys", "keys_bucket", Optional.empty());

            assertThatThrownBy(() -> store.putIfAbsent("app/0", new byte[1], Map.of()))
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessage("app/0 already exists in s3://keys");
        }
    }

    @Test
    void sseKmsKeyS3CannotUse_isAConfigErrorNamingTheSetting() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.s3Error(400, "KMS.NotFoundException",
                "Invalid keyId alias/acme-s3-dev");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            S3BlobStore store = new S3BlobStore(clients::s3, "secrets", "secrets_bucket",
                    Optional.of("alias/acme-s3-dev"));

            assertThatThrownBy(() -> store.put("dev/bag/db", new byte[1], Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("S3 cannot use sse_kms_key_id alias/acme-s3-dev for s3://secrets/dev/bag/db "
                            + "(KMS.NotFoundException); correct sse_kms_key_id or enable the key");
        }
    }

    @Test
    void kmsDisabledKey_saysEnableIt() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.kmsError(400, "DisabledException",
                "arn:aws:kms:us-east-1:123456789012:key/k is disabled.");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            KmsMasterKey key = new KmsMasterKey(clients::kms, "acme-dev", "us-east-1");

            assertThatThrownBy(() -> key.generateWrappedDataKey(EncryptionContext.empty()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("KMS key alias/acme-dev (us-east-1) is disabled, so kms:GenerateDataKeyWithoutPlaintext "
                            + "was refused; enable it ('aws kms enable-key') or use another master_key");
            assertThatThrownBy(() -> key.unwrap(new byte[64], EncryptionContext.empty()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("is disabled, so kms:Decrypt was refused");
        }
    }

    @Test
    void kmsKeyPendingDeletion_saysWhatToDo() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.kmsError(400, "KMSInvalidStateException",
                "key is pending deletion.");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            KmsMasterKey key = new KmsMasterKey(clients::kms, "acme-dev", "us-east-1");

            assertThatThrownBy(() -> key.generateWrappedDataKey(EncryptionContext.empty()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("KMS key alias/acme-dev (us-east-1) cannot be used now (key is pending deletion.); "
                            + "cancel its deletion or enable it, or use another master_key");
        }
    }

    @Test
    void kmsAccessDeniedOnGenerate_namesTheAction() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.kmsError(400, "AccessDeniedException",
                "User is not authorized to perform kms:GenerateDataKeyWithoutPlaintext");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            KmsMasterKey key = new KmsMasterKey(clients::kms, "acme-dev", "us-east-1");

            assertThatThrownBy(() -> key.generateWrappedDataKey(EncryptionContext.empty()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("access denied: kms:GenerateDataKeyWithoutPlaintext on alias/acme-dev was refused for "
                            + "these credentials; grant kms:GenerateDataKeyWithoutPlaintext to the caller "
                            + "(see docs/aws.md)");
        }
    }

    @Test
    void kmsThrottling_pastTheRetries_isUnavailable() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.kmsError(400, "ThrottlingException", "Rate exceeded");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            KmsMasterKey key = new KmsMasterKey(clients::kms, "acme-dev", "us-east-1");

            assertThatThrownBy(() -> key.unwrap(new byte[64], EncryptionContext.empty()))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageStartingWith("KMS kept throttling kms:Decrypt on alias/acme-dev after the retries");
            assertThat(endpoint.requests()).isEqualTo(3);
        }
    }

    @Test
    void kmsIncorrectKey_failsIntegrity() {
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.kmsError(400, "IncorrectKeyException",
                "The key ID in the request does not identify a CMK that can perform this operation.");
             AwsClientFactory clients = factory(endpoint, Map.of())) {
            KmsMasterKey key = new KmsMasterKey(clients::kms, "acme-dev", "us-east-1");

            assertThatThrownBy(() -> key.unwrap(new byte[64], EncryptionContext.empty()))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessage("cannot unwrap the data key with KMS key alias/acme-dev (us-east-1): it was wrapped "
                            + "by another KMS key");
        }
    }

    @Test
    void rejectedMfaToken_whenAssumingTheRole_saysCheckTheCode() {
        String role = "arn:aws:iam::123456789012:role/messer-admin";
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.stsError(403, "AccessDenied",
                "MultiFactorAuthentication failed with invalid MFA one time pass code.");
             AwsClientFactory clients = factory(endpoint, Map.of(Setting.ROLE_ARN, role,
                     Setting.MFA_SERIAL, "arn:aws:iam::123456789012:mfa/alice"))) {
            S3BlobStore store = new S3BlobStore(clients::s3, "secrets", "secrets_bucket", Optional.empty());

            assertThatThrownBy(() -> store.get("dev/bag/db"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("assuming role " + role + " was refused (MultiFactorAuthentication failed with "
                            + "invalid MFA one time pass code.); check the MFA code for "
                            + "arn:aws:iam::123456789012:mfa/alice and check that the role trusts these credentials");
        }
    }

    @Test
    void expiredBaseCredentials_whenAssumingTheRole_askToRenewThem() {
        String role = "arn:aws:iam::123456789012:role/messer-admin";
        try (FaultyAwsEndpoint endpoint = FaultyAwsEndpoint.stsError(403, "ExpiredToken",
                "The security token included in the request is expired");
             AwsClientFactory clients = factory(endpoint, Map.of(Setting.ROLE_ARN, role))) {
            S3BlobStore store = new S3BlobStore(clients::s3, "secrets", "secrets_bucket", Optional.empty());

            assertThatThrownBy(() -> store.get("dev/bag/db"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("AWS rejected the credentials for sts:AssumeRole on " + role + " (ExpiredToken); "
                            + "renew them (a new session or SSO login) or check aws_profile, AWS_PROFILE and "
                            + "AWS_ACCESS_KEY_ID");
        }
    }

    private static AwsClientFactory factory(FaultyAwsEndpoint endpoint, Map<Setting, String> extra) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, "us-east-1");
        values.put(Setting.ENDPOINT_URL, endpoint.endpoint().toString());
        values.put(Setting.PATH_STYLE, "true");
        values.putAll(extra);
        return new AwsClientFactory(Settings.of(Provider.AWS, values).aws(), new AwsEnvironment(ENV), serial -> "123456");
    }
}
