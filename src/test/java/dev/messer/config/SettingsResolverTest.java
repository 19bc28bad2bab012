package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profile selection and the resolution order: flag > MESSER_* > [profile] > [aws] > [messer] > default. */
class SettingsResolverTest extends ResolverTestBase {

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
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of(Setting.TIER, "from-flag"));
        assertThat(s.common().tier()).isEqualTo("from-flag");
        assertThat(s.values().raw(Setting.TIER).from()).isEqualTo("command line");
    }

    @Test
    void environment_beatsProfile() throws IOException {
        env.put("MESSER_TIER", "from-env");
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of());
        assertThat(s.common().tier()).isEqualTo("from-env");
        assertThat(s.values().raw(Setting.TIER).from()).isEqualTo("MESSER_TIER");
    }

    @Test
    void blankEnvironmentVariable_isIgnored() throws IOException {
        env.put("MESSER_TIER", "  ");
        assertThat(resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of()).common().tier()).isEqualTo("from-profile");
    }

    @Test
    void profile_beatsLegacySections() throws IOException {
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of());
        assertThat(s.common().tier()).isEqualTo("from-profile");
        assertThat(s.values().raw(Setting.TIER).from()).isEqualTo("[profile dev]");
    }

    @Test
    void awsSection_beatsMesserSection_underAProfile() throws IOException {
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of());
        assertThat(s.values().text(Setting.SECRETS_FOLDER)).isEqualTo("folder-aws");
        assertThat(s.values().raw(Setting.SECRETS_FOLDER).from()).isEqualTo("[aws]");
        assertThat(s.values().text(Setting.KEYS_BUCKET)).isEqualTo("keys-aws");
    }

    @Test
    void messerSection_beatsDefault() throws IOException {
        Settings s = resolve(ALL_LAYERS, Provider.LOCAL, "dev", Map.of());
        assertThat(s.values().text(Setting.MASTER_KEY)).isEqualTo("mk-messer");
        assertThat(s.values().raw(Setting.MASTER_KEY).from()).isEqualTo("[messer]");
    }

    @Test
    void defaults_whenNoLayerSetsAValue() throws IOException {
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        Settings local = resolve("", Provider.LOCAL);
        assertThat(local.values().text(Setting.MASTER_KEY)).isEqualTo("default");
        assertThat(local.values().text(Setting.SECRETS_BUCKET)).isEqualTo("secrets");
        assertThat(local.values().text(Setting.KEYS_BUCKET)).isEqualTo("keys");
        assertThat(local.values().text(Setting.LOCAL_ROOT)).isEqualTo(dir.resolve("data/messer").toString());
        assertThat(local.common().itemFormat()).isEqualTo(2);
        assertThat(local.common().silent()).isFalse();
        assertThat(local.values().parsed(Setting.PATH_STYLE, Boolean.class)).isFalse();
        assertThat(local.values().raw(Setting.MASTER_KEY).from()).isEqualTo("default");
        Settings aws = resolve("", Provider.AWS);
        assertThat(aws.values().text(Setting.MASTER_KEY)).isEmpty();
        assertThat(aws.values().text(Setting.SECRETS_BUCKET)).isEmpty();
    }

    @Test
    void localRootDefault_fallsBackToHome() throws IOException {
        Settings s = resolve("", Provider.LOCAL);
        assertThat(s.values().text(Setting.LOCAL_ROOT)).isEqualTo(dir.resolve(".local/share/messer").toString());
    }

    @Test
    void everySetting_hasAnEnvironmentVariable() throws IOException {
        for (Setting key : Setting.values()) {
            if (key == Setting.PROVIDER) {
                continue;
            }
            env.clear();
            env.put(key.envName(), "1");
            SettingValues values = resolver().values(ini(""), Provider.LOCAL, null, Map.of());
            assertThat(values.text(key)).as(key.envName()).isEqualTo("1");
            assertThat(values.raw(key).source()).isEqualTo(Source.ENVIRONMENT);
            assertThat(values.raw(key).from()).isEqualTo("MESSER_" + key.name());
        }
    }

    @Test
    void inlineComments_areNotPartOfTheValue() throws IOException {
        Settings s = resolve("""
                [profile dev]
                provider = local ; the offline one
                tier = dev          ; comment after spaces
                master_key = mk # hash comment
                role_session_name = a;b
                """, Provider.LOCAL, "dev", Map.of());
        assertThat(s.common().tier()).isEqualTo("dev");
        assertThat(s.values().text(Setting.MASTER_KEY)).isEqualTo("mk");
        assertThat(s.values().text(Setting.ROLE_SESSION_NAME)).isEqualTo("a;b");
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
    void theNamedProfile_isTheFlag_elseMesserProfile_elseNone() {
        SettingsResolver resolver = resolver();
        assertThat(resolver.namedProfile(null)).isNull();
        assertThat(resolver.namedProfile(" ")).isNull();
        env.put("MESSER_PROFILE", " stage ");
        assertThat(resolver.namedProfile(null)).isEqualTo("stage");
        assertThat(resolver.namedProfile(" prod ")).isEqualTo("prod");
        env.put("MESSER_PROFILE", "  ");
        assertThat(resolver.namedProfile(null)).isNull();
    }

    @Test
    void everySource_isNamedAsConfigurePrintsIt() {
        assertThat(Source.COMMAND_LINE.describe(Setting.TIER, "p")).isEqualTo("command line");
        assertThat(Source.ENVIRONMENT.describe(Setting.TIER, "p")).isEqualTo("MESSER_TIER");
        assertThat(Source.PROFILE.describe(Setting.TIER, "dev")).isEqualTo("[profile dev]");
        assertThat(Source.AWS_SECTION.describe(Setting.TIER, null)).isEqualTo("[aws]");
        assertThat(Source.MESSER_SECTION.describe(Setting.TIER, null)).isEqualTo("[messer]");
        assertThat(Source.GIVEN.describe(Setting.TIER, null)).isEqualTo("given");
        assertThat(Source.DEFAULT.describe(Setting.TIER, "p")).isEqualTo("default");
        assertThat(java.util.Arrays.stream(Source.values()).filter(Source::isLegacySection))
                .containsExactly(Source.AWS_SECTION, Source.MESSER_SECTION);
    }

    @Test
    void defaultProfileForTheOtherProvider_usesTheProfileNamedAfterTheWord() throws IOException {
        Settings s = resolve(TWO_PROVIDERS, Provider.LOCAL);
        assertThat(s.profileName()).isEqualTo("local");
        assertThat(s.common().tier()).isEqualTo("offline");
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
        assertThat(resolve(text, Provider.AWS, "any", Map.of()).values().text(Setting.PROVIDER)).isEqualTo("aws");
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
        assertThat(s.common().tier()).isEqualTo("legacy-tier");
        assertThat(s.values().text(Setting.SECRETS_BUCKET)).isEqualTo("legacy-bucket");
    }

    @Test
    void noProfileAndNoDefault_usesLegacySectionsAndDefaults() throws IOException {
        Settings s = resolve("[profile other]\nprovider = aws\n", Provider.LOCAL);
        assertThat(s.profileName()).isNull();
        assertThat(s.values().text(Setting.MASTER_KEY)).isEqualTo("default");
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
        assertThat(s.common().tier()).isEqualTo("h");
    }

    @Test
    void noFile_resolvesDefaults() {
        env.put("HOME", dir.toString());
        Settings s = new SettingsResolver(env).resolve(null, Provider.LOCAL, null, Map.of());
        assertThat(s.configFile()).isNull();
        assertThat(s.values().text(Setting.MASTER_KEY)).isEqualTo("default");
    }

    @Test
    void localRoot_expandsTilde() throws IOException {
        Settings s = resolve("[profile l]\nlocal_root = ~/vault\n", Provider.LOCAL, "l", Map.of());
        assertThat(s.local().root()).isEqualTo(dir.resolve("vault"));
    }
}
