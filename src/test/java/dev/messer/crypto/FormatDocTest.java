package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The worked example in docs/format.md is the committed vector, byte for byte. */
class FormatDocTest {

    @Test
    void workedExample_inFormatDoc_matchesTheCommittedVersion2Vector() throws IOException {
        String doc = Files.readString(Path.of("docs/format.md"), StandardCharsets.UTF_8);
        JsonObject v;
        try (InputStream in = getClass().getResourceAsStream("/vectors/from-java.json")) {
            v = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonArray("vectors").get(0).getAsJsonObject();
        }
        assertThat(v.get("name").getAsString()).isEqualTo("v2-worked-example");
        for (String field : new String[] {"key", "iv", "plaintext", "ciphertext", "tag", "envelope_json", "envelope"}) {
            assertThat(doc).as(field).contains(v.get(field).getAsString());
        }
        String aadInDoc = doc.substring(doc.indexOf("AAD, 62 bytes"), doc.indexOf("AES-256-GCM output"))
                .lines().filter(l -> l.matches("[0-9a-f]+( [0-9a-f]+)? +\\S+"))
                .map(l -> l.replaceAll("^([0-9a-f]+)( ([0-9a-f]+))? .*$", "$1$3"))
                .reduce("", String::concat);
        assertThat(aadInDoc).isEqualTo(v.get("aad").getAsString());
        assertThat(v.get("aad").getAsString().length() / 2).isEqualTo(62);
    }
}
