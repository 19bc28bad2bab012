package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messer 2.x files: the [messer] and [aws] sections read as they were, and the encryption_context quirk. */
class Messer2FilesTest extends ResolverTestBase {

    static final String MESSER_2_TEMPLATE = """
            # (c) Adobe. Messer 2.x template shape.
            [messer]
            # the master key
            master_key=

            # the tier
            tier=

            # silence
            silent=

            [aws]
            # buckets
            secrets_bucket=
            keys_bucket=
            role_arn=
            role_session_name=
            aws_profile=
            encryption_context=
            region=
            secrets_folder=

            [azure]
            azure_client_id=
            azure_subscription_id=
            azure_tenant_id=
            azure_key_vault_uri=
            """;

    @Test
    void messer2Template_withEmptyValues_loadsAsTheDefaultProfile() throws IOException {
        for (Provider word : Provider.values()) {
            Settings s = resolve(MESSER_2_TEMPLATE, word).validate();
            assertThat(s.profileName()).isNull();
            assertThat(s.common().silent()).isFalse();
            assertThat(s.common().encryptionContext().isEmpty()).isTrue();
            assertThat(s.values().raw(Setting.TIER).from()).isEqualTo("default");
        }
    }

    @Test
    void messer2File_withValues_isReadAsItIs() throws IOException {
        Settings s = resolve("""
                [messer]
                master_key = adobe-messer-unittest
                tier = qa
                silent = True
                [aws]
                region = us-east-1
                secrets_bucket = adobe-secrets-bucket-useast1
                keys_bucket = adobe-envelope-keys-bucket-useast1
                role_arn = arn:aws:iam::123456789101:role/adobe-messer-unittest
                role_session_name = messer_unittest
                aws_profile =
                encryption_context = messer_unittest_context
                """, Provider.AWS).validate();
        assertThat(s.values().text(Setting.MASTER_KEY)).isEqualTo("adobe-messer-unittest");
        assertThat(s.common().tier()).isEqualTo("qa");
        assertThat(s.common().silent()).isTrue();
        assertThat(s.values().text(Setting.ROLE_ARN)).isEqualTo("arn:aws:iam::123456789101:role/adobe-messer-unittest");
        assertThat(s.values().text(Setting.AWS_PROFILE)).isEmpty();
        assertThat(s.common().encryptionContext().isEmpty()).as("Messer's unused free-form context means no pairs").isTrue();
    }

    @Test
    void keyValueEncryptionContextInALegacySection_isUsed() throws IOException {
        Settings s = resolve("[aws]\nencryption_context = team=payments,app=checkout\n", Provider.AWS);
        assertThat(s.common().encryptionContext().isEmpty()).isFalse();
    }

    @Test
    void freeFormEncryptionContextInAProfile_failsNamingTheSource() throws IOException {
        assertThatThrownBy(() -> resolve("[profile p]\nencryption_context = just-a-word\n", Provider.AWS, "p", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("just-a-word").hasMessageContaining("(from [profile p])");
    }

    @Test
    void profileKeysInLegacySections_applyToTheDefaultProfile() throws IOException {
        for (String section : new String[] {"aws", "messer"}) {
            Settings s = resolve("[" + section + "]\nendpoint_url = http://127.0.0.1:5000\npath_style = true\n"
                    + "item_format = 1\n", Provider.AWS);
            assertThat(s.values().text(Setting.ENDPOINT_URL)).as(section).isEqualTo("http://127.0.0.1:5000");
            assertThat(s.aws().pathStyle()).isTrue();
            assertThat(s.common().itemFormat()).isEqualTo(1);
            assertThat(s.values().raw(Setting.ITEM_FORMAT).from()).isEqualTo("[" + section + "]");
        }
    }
}
