package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The variable formats and the merged output of several items. */
class VariableFormatsTest {

    private static DecryptedItem item(String name, String json) {
        JsonObject fields = JsonParser.parseString(json).getAsJsonObject();
        return new DecryptedItem(name, fields, fields);
    }

    @Test
    void dotenv_refusesALineBreak_namingFieldAndSuggestingExportOrJson() {
        for (String value : List.of("a\\nLD_PRELOAD=/tmp/x.so", "a\\rb")) {
            assertThatThrownBy(() -> OutputFormat.DOTENV.renderItem(item("app/x", "{\"id\":\"x\",\"note\":\"" + value
                    + "\"}"), VariableRules.strict()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("field 'note' of item app/x").hasMessageContaining("NOTE")
                    .hasMessageContaining("--format export").hasMessageContaining("--format json");
        }
    }

    @Test
    void dotenv_refusesDollarBrace_whichPythonDotenvExpandsInsideSingleQuotes() {
        assertThatThrownBy(() -> OutputFormat.DOTENV.renderItem(item("app/x", "{\"id\":\"x\",\"pw\":\"a${HOME}b\"}"),
                VariableRules.strict())).hasMessageContaining("'${'").hasMessageContaining("field 'pw'");
    }

    @Test
    void envfile_isUnquotedNameEqualsValue_andRefusesALineBreak() {
        assertThat(OutputFormat.ENVFILE.renderItem(item("app/x", "{\"id\":\"x\",\"pw\":\"it's \\\"q\\\" $HOME ${X}\"}"),
                VariableRules.strict())).isEqualTo("PW=it's \"q\" $HOME ${X}\n");
        assertThatThrownBy(() -> OutputFormat.ENVFILE.renderItem(item("app/x", "{\"id\":\"x\",\"pw\":\"a\\nb\"}"),
                VariableRules.strict())).hasMessageContaining("field 'pw' of item app/x").hasMessageContaining("line break");
    }

    @Test
    void everyVariableFormat_appliesTheRefusedNames_andJsonAndPropertiesDoNot() {
        DecryptedItem hostile = item("app/x", "{\"id\":\"x\",\"path\":\"/tmp/evil\"}");
        for (OutputFormat format : OutputFormat.values()) {
            if (format.setsVariables()) {
                assertThatThrownBy(() -> format.renderItem(hostile, VariableRules.strict())).as(format.word())
                        .hasMessageContaining("PATH");
            } else {
                assertThat(format.renderItem(hostile, VariableRules.strict())).as(format.word()).contains("/tmp/evil");
            }
        }
    }

    @Test
    void severalItems_merge_andASharedNameFailsNamingBothUnlessTheLaterWins() {
        List<DecryptedItem> items = List.of(item("a/db", "{\"id\":\"db\",\"pw\":\"one\"}"),
                item("b/api", "{\"id\":\"api\",\"pw\":\"two\",\"token\":\"t\"}"));
        assertThatThrownBy(() -> OutputFormat.ENV.renderItems(items, VariableRules.strict(), false))
                .hasMessageContaining("item a/db").hasMessageContaining("item b/api").hasMessageContaining("--override");
        assertThat(OutputFormat.ENV.renderItems(items, VariableRules.strict(), true)).isEqualTo("PW='two'\nTOKEN='t'\n");
        assertThatThrownBy(() -> OutputFormat.PROPERTIES.renderItems(items, VariableRules.strict(), false))
                .hasMessageContaining("a/db").hasMessageContaining("b/api");
        assertThat(OutputFormat.PROPERTIES.renderItems(items, VariableRules.strict(), true)).isEqualTo("pw=two\ntoken=t\n");
    }

    @Test
    void json_ofSeveralItems_mapsBagSlashItemToTheDecryptedFields() {
        List<DecryptedItem> items = List.of(item("a/db", "{\"id\":\"db\",\"pw\":\"one\"}"),
                item("b/api", "{\"id\":\"api\",\"n\":{\"k\":1}}"));
        assertThat(JsonParser.parseString(OutputFormat.JSON.renderItems(items, VariableRules.strict(), false)))
                .isEqualTo(JsonParser.parseString("{\"a/db\":{\"id\":\"db\",\"pw\":\"one\"},\"b/api\":{\"id\":\"api\",\"n\":{\"k\":1}}}"));
    }
}
