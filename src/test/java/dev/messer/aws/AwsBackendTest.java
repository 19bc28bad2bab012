package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.config.AwsSettings;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings checks of the aws backend and the endpoint order; offline: nothing here calls AWS. */
class AwsBackendTest {

    private static final Map<String, String> ENV = Map.of("AWS_EC2_METADATA_DISABLED", "true");

    private static AwsBackend backend(AwsSettings settings) {
        return new AwsBackend(settings, new AwsClientFactory(settings, new AwsEnvironment(ENV), serial -> "0"));
    }

    @Test
    void opening_makesNoClient() {
        try (AwsBackend backend = backend(settings(Map.of()))) {
            backend.secrets();
            backend.keys();
            backend.masterKey();

            assertThat(backend.clients().createdClients()).isEmpty();
            assertThat(backend.secrets().describe()).isEqualTo("s3://acme-secrets");
            assertThat(backend.keys().describe()).isEqualTo("s3://acme-keys");
            assertThat(backend.masterKey().describe()).isEqualTo("KMS key alias/acme-dev (us-east-1)");
        }
    }

    @Test
    void masterKeyWithAliasPrefix_isAccepted() {
        try (AwsBackend backend = backend(settings(Map.of(Setting.MASTER_KEY, "alias/acme-dev")))) {
            assertThat(backend.masterKey().describe()).isEqualTo("KMS key alias/acme-dev (us-east-1)");
        }
    }

    @Test
    void missingSecretsBucket_isAConfigError() {
        assertThatThrownBy(() -> backend(settings(Map.of(Setting.SECRETS_BUCKET, ""))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("secrets_bucket is not set; set it with 'messer configure aws -b BUCKET'");
    }

    @Test
    void missingKeysBucket_isAConfigError() {
        assertThatThrownBy(() -> backend(settings(Map.of(Setting.KEYS_BUCKET, ""))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("keys_bucket is not set; set it with 'messer configure aws -k BUCKET'");
    }

    @Test
    void missingMasterKey_isAConfigErrorOnlyWhenTheKeyIsNeeded() {
        try (AwsBackend backend = backend(settings(Map.of(Setting.MASTER_KEY, "")))) {
            assertThat(backend.secrets().describe()).isEqualTo("s3://acme-secrets");
            assertThatThrownBy(backend::masterKey)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("master_key is not set");
        }
    }

    @Test
    void invalidBucketName_isAConfigError() {
        assertThatThrownBy(() -> backend(settings(Map.of(Setting.SECRETS_BUCKET, "Acme_Secrets"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("secrets_bucket 'Acme_Secrets' (from given) is not an S3 bucket name; use 3 to 63 "
                        + "lowercase letters, digits, '.' and '-'");
    }

    @Test
    void invalidAliasName_isAConfigError() {
        try (AwsBackend backend = backend(settings(Map.of(Setting.MASTER_KEY, "acme dev")))) {
            assertThatThrownBy(backend::masterKey)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("master_key 'acme dev'");
        }
    }

    @Test
    void endpointOrder_perServiceSetting_thenEndpointUrl_thenServiceVariable_thenGlobalVariable() {
        AwsEnvironment env = new AwsEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL_KMS", "http://localhost:2"));
        AwsEndpoints bare = new AwsEndpoints(settings(Map.of()).endpoints(), env);
        AwsEndpoints withSettings = new AwsEndpoints(settings(Map.of(Setting.ENDPOINT_URL, "https://vpce:3",
                Setting.S3_ENDPOINT_URL, "https://s3-vpce:4")).endpoints(), env);

        assertThat(bare.endpointFor(AwsService.S3)).contains(URI.create("http://127.0.0.1:1"));
        assertThat(bare.endpointFor(AwsService.KMS)).contains(URI.create("http://localhost:2"));
        assertThat(withSettings.endpointFor(AwsService.S3)).contains(URI.create("https://s3-vpce:4"));
        assertThat(withSettings.endpointFor(AwsService.KMS)).contains(URI.create("https://vpce:3"));
        assertThat(withSettings.endpointFor(AwsService.STS)).contains(URI.create("https://vpce:3"));
    }

    @Test
    void httpEndpointOffLoopback_isRefusedNamingTheSettingAndTheSwitch() {
        for (String url : new String[] {"http://10.0.0.5:4566", "http://s3.example.com", "http://127.0.0.1.evil.test",
                "http://[fe80::1]:9000"}) {
            AwsEndpoints endpoints = new AwsEndpoints(settings(Map.of(Setting.ENDPOINT_URL, url)).endpoints(),
                    new AwsEnvironment(Map.of()));
            assertThatThrownBy(() -> endpoints.endpointFor(AwsService.S3)).as(url)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("endpoint_url (from given) is '" + url + "', plain http to a host that is not loopback; "
                            + "use https, or set allow_http = true (MESSER_ALLOW_HTTP=true) if that network path is trusted");
        }
        AwsEndpoints fromVariable = new AwsEndpoints(settings(Map.of()).endpoints(),
                new AwsEnvironment(Map.of("AWS_ENDPOINT_URL_KMS", "http://kms.internal:80")));
        assertThatThrownBy(() -> fromVariable.endpointFor(AwsService.KMS)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("AWS_ENDPOINT_URL_KMS is 'http://kms.internal:80'");
    }

    @Test
    void httpEndpointOnLoopback_orWithAllowHttp_isAccepted() {
        for (String url : new String[] {"http://127.0.0.1:4566", "http://127.1.2.3", "http://localhost:9000",
                "http://[::1]:4566"}) {
            assertThat(new AwsEndpoints(settings(Map.of(Setting.ENDPOINT_URL, url)).endpoints(), new AwsEnvironment(Map.of()))
                    .endpointFor(AwsService.S3)).as(url).contains(URI.create(url));
        }
        assertThat(new AwsEndpoints(settings(Map.of(Setting.ENDPOINT_URL, "http://10.0.0.5:4566",
                Setting.ALLOW_HTTP, "true")).endpoints(), new AwsEnvironment(Map.of())).endpointFor(AwsService.S3))
                .contains(URI.create("http://10.0.0.5:4566"));
    }

    @Test
    void noEndpointAnywhere_meansThePublicEndpoint() {
        assertThat(new AwsEndpoints(settings(Map.of()).endpoints(), new AwsEnvironment(Map.of())).endpointFor(AwsService.S3))
                .isEmpty();
    }

    @Test
    void malformedEndpoint_isAConfigErrorNamingTheSetting() {
        AwsEndpoints endpoints = new AwsEndpoints(settings(Map.of(Setting.KMS_ENDPOINT_URL, "vpce-123")).endpoints(),
                new AwsEnvironment(Map.of()));

        assertThatThrownBy(() -> endpoints.endpointFor(AwsService.KMS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("kms_endpoint_url (from given) is 'vpce-123'; it must be a URL such as https://host:port");
    }

    private static AwsSettings settings(Map<Setting, String> overrides) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, "us-east-1");
        values.put(Setting.SECRETS_BUCKET, "acme-secrets");
        values.put(Setting.KEYS_BUCKET, "acme-keys");
        values.put(Setting.MASTER_KEY, "acme-dev");
        values.putAll(overrides);
        return Settings.of(Provider.AWS, values).aws();
    }
}
