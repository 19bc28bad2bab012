package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile selection and the resolution order: flag > MESSER_* > [profile] > [aws] > [messer] > default. */
class SettingsResolverTest {

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();

    private IniFile ini(String text) throws IOException {
        Path file = dir.resolve("messer.ini");
        Files.writeString(file, text);
        return IniFile.load(file);
    }

    private Settings resolve(String text, Provider word, String profileFlag, Map<SettingKey, String> flags)
            throws IOException {
        env.putIfAbsent("HOME", dir.toString());
        return new SettingsResolver(env).resolve(ini(text), word, profileFlag, flags);
    }

    private Settings resolve(String text, Provider word) throws IOException {
        return resolve(text, word, null, Map.of());
    }

    static final String ALL_LAYERS = """
            [messer]
            tier = from-messer
            master_key = mk-messer
            secrets_folder = folder-messer
            [aws]
            tier = from-aws
            keys_bucket = keys-aws
            secrets_folder = folder-aws
            [profile dev]
            tier = from-profile
            """;

    // ---- resolution order, one layer at a time

    @Test
    void flag_beatsEnvironment() throws IOException {
        env.put("MESSER_TIER", "from-env");
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of(SettingKey.TIER, "from-flag"));
        assertThat(s.tier()).isEqualTo("from-flag");
        assertThat(s.source(SettingKey.TIER)).isEqualTo("command line");
    }

    @Test
    void environment_beatsProfile() throws IOException {
        env.put("MESSER_TIER", "from-env");
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of());
        assertThat(s.tier()).isEqualTo("from-env");
        assertThat(s.source(SettingKey.TIER)).isEqualTo("MESSER_TIER");
    }

    @Test
    void blankEnvironmentVariable_isIgnored() throws IOException {
        env.put("MESSER_TIER", "  ");
        assertThat(resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of()).tier()).isEqualTo("from-profile");
    }

    @Test
    void profile_beatsLegacySections() throws IOException {
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of());
        assertThat(s.tier()).isEqualTo("from-profile");
        assertThat(s.source(SettingKey.TIER)).isEqualTo("[profile dev]");
    }

    @Test
    void awsSection_beatsMesserSection_underAProfile() throws IOException {
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of());
        assertThat(s.get(SettingKey.SECRETS_FOLDER)).isEqualTo("folder-aws");
        assertThat(s.source(SettingKey.SECRETS_FOLDER)).isEqualTo("[aws]");
        assertThat(s.get(SettingKey.KEYS_BUCKET)).isEqualTo("keys-aws");
    }

    @Test
    void messerSection_beatsDefault() throws IOException {
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of());
        assertThat(s.masterKey()).isEqualTo("mk-messer");
        assertThat(s.source(SettingKey.MASTER_KEY)).isEqualTo("[messer]");
    }

    @Test
    void defaults_whenNoLayerSetsAValue() throws IOException {
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        Settings local = resolve("", Provider.LOCAL);
        assertThat(local.masterKey()).isEqualTo("default");
        assertThat(local.get(SettingKey.SECRETS_BUCKET)).isEqualTo("secrets");
        assertThat(local.get(SettingKey.KEYS_BUCKET)).isEqualTo("keys");
        assertThat(local.get(SettingKey.LOCAL_ROOT)).isEqualTo(dir.resolve("data/messer").toString());
        assertThat(local.itemFormat()).isEqualTo(2);
        assertThat(local.silent()).isFalse();
        assertThat(local.pathStyle()).isFalse();
        assertThat(local.source(SettingKey.MASTER_KEY)).isEqualTo("default");
        Settings aws = resolve("", Provider.AWS);
        assertThat(aws.masterKey()).isEmpty();
        assertThat(aws.get(SettingKey.SECRETS_BUCKET)).isEmpty();
    }

    @Test
    void localRootDefault_fallsBackToHome() throws IOException {
        Settings s = resolve("", Provider.LOCAL);
        assertThat(s.get(SettingKey.LOCAL_ROOT)).isEqualTo(dir.resolve(".local/share/messer").toString());
    }

    @Test
    void everySetting_hasAnEnvironmentVariable() throws IOException {
        for (SettingKey key : SettingKey.values()) {
            if (key == SettingKey.PROVIDER) {
                continue;
            }
            env.clear();
            env.put(key.envName(), "1");
            Settings s = resolve("", Provider.LOCAL);
            assertThat(s.get(key)).as(key.envName()).isEqualTo("1");
            assertThat(s.source(key)).isEqualTo("MESSER_" + key.name());
        }
    }

    @Test
    void inlineComments_areNotPartOfTheValue() throws IOException {
        Settings s = resolve("""
                [profile dev]
                provider = local ; the offline one
                tier = dev          ; comment after spaces
                master_key = mk # hash comment
                secrets_folder = a;b
                """, Provider.LOCAL, "dev", Map.of());
        assertThat(s.tier()).isEqualTo("dev");
        assertThat(s.masterKey()).isEqualTo("mk");
        assertThat(s.get(SettingKey.SECRETS_FOLDER)).isEqualTo("a;b");
    }

    // ---- profile selection

    static final String TWO_PROVIDERS = """
            [messer]
            default_profile = prod
            [profile prod]
            provider = aws
            tier = prod
            [profile local]
            provider = local
            tier = offline
            [profile stage]
            provider = aws
            tier = stage
            [profile scratch]
            provider = local
            tier = scratch
            """;

    @Test
    void profileFlag_beatsMesserProfileVariable_beatsDefaultProfile() throws IOException {
        env.put("MESSER_PROFILE", "stage");
        assertThat(resolve(TWO_PROVIDERS, Provider.AWS, "prod", Map.of()).profileName()).isEqualTo("prod");
        assertThat(resolve(TWO_PROVIDERS, Provider.AWS, null, Map.of()).profileName()).isEqualTo("stage");
        env.remove("MESSER_PROFILE");
        assertThat(resolve(TWO_PROVIDERS, Provider.AWS, null, Map.of()).profileName()).isEqualTo("prod");
    }

    @Test
    void defaultProfileForTheOtherProvider_usesTheProfileNamedAfterTheWord() throws IOException {
        Settings s = resolve(TWO_PROVIDERS, Provider.LOCAL);
        assertThat(s.profileName()).isEqualTo("local");
        assertThat(s.tier()).isEqualTo("offline");
    }

    @Test
    void defaultProfileForTheOtherProvider_withoutAProfileNamedAfterTheWord_failsNamingBoth() throws IOException {
        String text = TWO_PROVIDERS.replace("[profile local]", "[profile offline]");
        assertThatThrownBy(() -> resolve(text, Provider.LOCAL)).isInstanceOf(ConfigException.class)
                .hasMessage("the default profile prod is for provider aws and there is no [profile local]; "
                        + "add one with 'messer configure local --profile NAME ...' or pick a profile with --profile");
    }

    @Test
    void namedProfileForTheOtherProvider_fails() throws IOException {
        assertThatThrownBy(() -> resolve(TWO_PROVIDERS, Provider.LOCAL, "stage", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("profile stage is for provider aws");
        env.put("MESSER_PROFILE", "scratch");
        assertThatThrownBy(() -> resolve(TWO_PROVIDERS, Provider.AWS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("profile scratch is for provider local");
    }

    @Test
    void providerFromTheEnvironmentOrALegacySection_mustMatchTheWord_namingTheSource() throws IOException {
        env.put("MESSER_PROVIDER", "aws");
        assertThatThrownBy(() -> resolve("", Provider.LOCAL)).isInstanceOf(ConfigException.class)
                .hasMessage("provider is aws (from MESSER_PROVIDER), but the command says local; "
                        + "use the matching word or change MESSER_PROVIDER");
        env.remove("MESSER_PROVIDER");
        assertThatThrownBy(() -> resolve("[aws]\nprovider = local\n", Provider.AWS))
                .hasMessageContaining("provider is local (from [aws]), but the command says aws");
    }

    @Test
    void profileWithoutProvider_servesEitherWord() throws IOException {
        String text = "[profile any]\ntier = t\n";
        assertThat(resolve(text, Provider.LOCAL, "any", Map.of()).provider()).isEqualTo(Provider.LOCAL);
        assertThat(resolve(text, Provider.AWS, "any", Map.of()).provider()).isEqualTo(Provider.AWS);
        assertThat(resolve(text, Provider.AWS, "any", Map.of()).get(SettingKey.PROVIDER)).isEqualTo("aws");
    }

    @Test
    void defaultProfileForLocal_awsCommandOnALegacyFile_usesTheLegacySections() throws IOException {
        Settings s = resolve("""
                [messer]
                default_profile = local
                tier = legacy-tier
                [aws]
                secrets_bucket = legacy-bucket
                [profile local]
                provider = local
                """, Provider.AWS);
        assertThat(s.profileName()).isNull();
        assertThat(s.tier()).isEqualTo("legacy-tier");
        assertThat(s.get(SettingKey.SECRETS_BUCKET)).isEqualTo("legacy-bucket");
    }

    @Test
    void noProfileAndNoDefault_usesLegacySectionsAndDefaults() throws IOException {
        Settings s = resolve("[profile other]\nprovider = aws\n", Provider.LOCAL);
        assertThat(s.profileName()).isNull();
        assertThat(s.masterKey()).isEqualTo("default");
    }

    @Test
    void unknownProfile_failsListingTheProfiles() throws IOException {
        assertThatThrownBy(() -> resolve(TWO_PROVIDERS, Provider.AWS, "qa", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("profile 'qa' is not defined in " + dir.resolve("messer.ini")
                        + " (profiles: prod, local, stage, scratch); add [profile qa] or pick another with --profile");
    }

    @Test
    void unknownProfileInAFileWithoutProfiles_saysSo() throws IOException {
        env.put("MESSER_PROFILE", "qa");
        assertThatThrownBy(() -> resolve("[messer]\ntier = x\n", Provider.LOCAL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("(it has no profiles)");
    }

    @Test
    void unknownDefaultProfile_fails() throws IOException {
        assertThatThrownBy(() -> resolve("[messer]\ndefault_profile = gone\n[profile here]\n", Provider.LOCAL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("profile 'gone' is not defined")
                .hasMessageContaining("(profiles: here)");
    }

    @Test
    void unknownDefaultProfile_doesNotMatterWhenAProfileIsNamed() throws IOException {
        Settings s = resolve("[messer]\ndefault_profile = gone\n[profile here]\ntier = h\n", Provider.LOCAL, "here",
                Map.of());
        assertThat(s.tier()).isEqualTo("h");
    }

    // ---- Messer 2.x files

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
            assertThat(s.silent()).isFalse();
            assertThat(s.encryptionContext().isEmpty()).isTrue();
            assertThat(s.source(SettingKey.TIER)).isEqualTo("default");
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
        assertThat(s.masterKey()).isEqualTo("adobe-messer-unittest");
        assertThat(s.tier()).isEqualTo("qa");
        assertThat(s.silent()).isTrue();
        assertThat(s.get(SettingKey.ROLE_ARN)).isEqualTo("arn:aws:iam::123456789101:role/adobe-messer-unittest");
        assertThat(s.get(SettingKey.AWS_PROFILE)).isEmpty();
        assertThat(s.encryptionContext().isEmpty()).as("Messer's unused free-form context means no pairs").isTrue();
    }

    @Test
    void keyValueEncryptionContextInALegacySection_isUsed() throws IOException {
        Settings s = resolve("[aws]\nencryption_context = team=payments,app=checkout\n", Provider.AWS);
        assertThat(s.encryptionContext().isEmpty()).isFalse();
    }

    @Test
    void freeFormEncryptionContextInAProfile_failsNamingTheSource() throws IOException {
        Settings s = resolve("[profile p]\nencryption_context = just-a-word\n", Provider.AWS, "p", Map.of());
        assertThatThrownBy(s::encryptionContext).isInstanceOf(ConfigException.class)
                .hasMessageContaining("just-a-word").hasMessageContaining("(from [profile p])");
    }

    @Test
    void profileKeysInLegacySections_applyToTheDefaultProfile() throws IOException {
        for (String section : new String[] {"aws", "messer"}) {
            Settings s = resolve("[" + section + "]\nendpoint_url = http://127.0.0.1:5000\npath_style = true\n"
                    + "item_format = 1\n", Provider.AWS);
            assertThat(s.get(SettingKey.ENDPOINT_URL)).as(section).isEqualTo("http://127.0.0.1:5000");
            assertThat(s.pathStyle()).isTrue();
            assertThat(s.itemFormat()).isEqualTo(1);
            assertThat(s.source(SettingKey.ITEM_FORMAT)).isEqualTo("[" + section + "]");
        }
    }

    // ---- invalid values name their source

    @Test
    void invalidItemFormat_namesTheSource() throws IOException {
        Settings s = resolve("[aws]\nitem_format = 3\n", Provider.AWS);
        assertThatThrownBy(s::validate).isInstanceOf(ConfigException.class)
                .hasMessage("item_format is '3' (from [aws]); it must be 1 or 2");
        env.put("MESSER_ITEM_FORMAT", "two");
        assertThatThrownBy(() -> resolve("", Provider.AWS).validate())
                .hasMessage("item_format is 'two' (from MESSER_ITEM_FORMAT); it must be 1 or 2");
    }

    @Test
    void invalidBoolean_namesTheSource() throws IOException {
        Settings s = resolve("[messer]\npath_style = maybe\n", Provider.AWS);
        assertThatThrownBy(s::validate).isInstanceOf(ConfigException.class)
                .hasMessage("path_style is 'maybe' (from [messer]); use true or false");
        Settings silent = resolve("[profile p]\nsilent = perhaps\n", Provider.AWS, "p", Map.of());
        assertThatThrownBy(silent::validate).hasMessageContaining("silent is 'perhaps' (from [profile p])");
    }

    @Test
    void booleanSpellings_areAccepted() throws IOException {
        for (String yes : new String[] {"true", "True", "yes", "on", "1"}) {
            assertThat(resolve("[aws]\npath_style = " + yes + "\n", Provider.AWS).pathStyle()).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "No", "off", "0"}) {
            assertThat(resolve("[aws]\npath_style = " + no + "\n", Provider.AWS).pathStyle()).as(no).isFalse();
        }
    }

    @Test
    void invalidNumber_namesTheSource() throws IOException {
        Settings s = resolve("[profile p]\nrole_duration_seconds = an hour\n", Provider.AWS, "p", Map.of());
        assertThatThrownBy(s::validate).isInstanceOf(ConfigException.class)
                .hasMessage("role_duration_seconds is 'an hour' (from [profile p]); it must be a number");
    }

    @Test
    void unknownProvider_namesTheSource() throws IOException {
        assertThatThrownBy(() -> resolve("[profile g]\nprovider = gcp\n", Provider.AWS, "g", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("provider is 'gcp' (from [profile g]); it must be aws or local");
        env.put("MESSER_PROVIDER", "azure");
        assertThatThrownBy(() -> resolve("", Provider.LOCAL))
                .hasMessage("provider is 'azure' (from MESSER_PROVIDER); it must be aws or local");
    }

    @Test
    void noFile_resolvesDefaults() {
        env.put("HOME", dir.toString());
        Settings s = new SettingsResolver(env).resolve(null, Provider.LOCAL, null, Map.of());
        assertThat(s.configFile()).isNull();
        assertThat(s.masterKey()).isEqualTo("default");
    }

    @Test
    void localRoot_expandsTilde() throws IOException {
        Settings s = resolve("[profile l]\nlocal_root = ~/vault\n", Provider.LOCAL, "l", Map.of());
        assertThat(new SettingsResolver(env).localRoot(s)).isEqualTo(dir.resolve("vault"));
    }
}
