package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import dev.messer.config.Setting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The options of {@code configure} that write a setting come from the setting definitions: each
 * is a real JCommander option, in parsing, help and the unknown-option check (completion:
 * {@link CompletionScriptTest}).
 */
class ConfigureOptionsTest {

    private static final List<String> OWN = List.of("--print", "--passphrase", "--new-master-key", "--config",
            "--profile", "--silent", "--debug", "--help");

    private static JCommander parser(ConfigureCommand command) {
        JCommander parser = command.grammar().parser(command, "messer configure");
        parser.createDescriptions();
        return parser;
    }

    private static Optional<ParameterDescription> option(JCommander parser, String name) {
        return parser.getParameters().stream()
                .filter(p -> Arrays.asList(p.getParameter().names()).contains(name)).findFirst();
    }

    @Test
    void everyDefinitionWithAnOption_isAStringOptionOfConfigure_withItsNamesAndHelp() {
        JCommander parser = parser(new ConfigureCommand());
        List<String> fromDefinitions = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (setting.option() == null) {
                continue;
            }
            for (String name : setting.option().names()) {
                ParameterDescription option = option(parser, name).orElseThrow(() -> new AssertionError(name));
                assertThat(option.getParameter().names()).as(name).containsExactlyElementsOf(setting.option().names());
                assertThat(option.getDescription()).as(name).isEqualTo(setting.option().description());
                // a String option, as JCommander is told it (OptionIndex.parserType)
                assertThat(option.getParameterized().getType()).as(name).isEqualTo(OptionIndex.parserType(String.class));
                fromDefinitions.add(name);
            }
        }
        assertThat(fromDefinitions).contains("-m", "--master-key", "-e", "--tier", "--allowed-variables", "--path-style");
        List<String> all = parser.getParameters().stream().flatMap(p -> Arrays.stream(p.getParameter().names()))
                .filter(name -> name.startsWith("--")).toList();
        assertThat(all).as("every long option is a definition's or configure's own")
                .allMatch(name -> fromDefinitions.contains(name) || OWN.contains(name));
    }

    @Test
    void givenValues_landOnTheirSettings_inEveryWayAnOptionIsWritten() {
        ConfigureCommand command = new ConfigureCommand();
        JCommander parser = parser(command);
        List<String> words = UnknownOptions.of(parser, "messer configure").normalise(List.of("local", "-m", "mk",
                "--tier=dev", "--path-style", "true", "--allowed-variables", "", "-p"));
        parser.parse(words.toArray(String[]::new));

        assertThat(command.words).containsExactly("local");
        assertThat(command.print).isTrue();
        assertThat(command.settingOptions.given()).isEqualTo(Map.of(Setting.MASTER_KEY, "mk", Setting.TIER, "dev",
                Setting.PATH_STYLE, "true", Setting.ALLOWED_VARIABLES, ""));
    }

    @Test
    void aMistypedOption_isRefusedWithTheClosestDefinition() {
        JCommander parser = parser(new ConfigureCommand());
        assertThatThrownBy(() -> UnknownOptions.of(parser, "messer configure").normalise(List.of("local", "--keys-buckt",
                "k"))).isInstanceOf(UsageException.class).hasMessageContaining("'--keys-buckt'")
                .hasMessageContaining("--keys-bucket");
    }

    @Test
    void help_listsTheDerivedOptions() {
        CliRun help = CliRun.run(Map.of("HOME", "/nonexistent-home"), "configure", "--help");
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).contains("-b, --secrets-bucket").contains(Setting.SECRETS_BUCKET.option().description())
                .contains("--sse-kms-key-id");
    }
}
