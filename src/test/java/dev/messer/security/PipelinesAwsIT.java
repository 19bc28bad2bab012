package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.aws.AwsFixture;
import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export}, {@code exec} and {@code render} against moto, counted through {@link FaultProxy}:
 * five items from three bags under two key versions cost two KMS {@code Decrypt} calls.
 */
@MotoTest
class PipelinesAwsIT {

    @TempDir
    Path dir;

    private AwsFixture aws;
    private FaultProxy proxy;
    private Path config;
    private final AtomicInteger decrypts = new AtomicInteger();

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        proxy = new FaultProxy(aws.moto().endpoint());
        config = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString()));
        ok("encryption", "create", "aws", "app");
        ok("encryption", "increment", "aws", "app");
        String[][] items = {{"a", "one", "0"}, {"a", "two", "1"}, {"b", "three", "0"}, {"c", "four", "1"},
                {"c", "five", "0"}};
        for (String bag : new String[] {"a", "b", "c"}) {
            ok("data", "bag", "create", "aws", bag);
        }
        for (String[] item : items) {
            Path file = aws.writeFile(item[1] + ".json", "{\"id\":\"" + item[1] + "\",\"" + item[1] + "_pw\":\"pw-"
                    + item[1] + " $`'\\\"\"}");
            ok("data", "bag", "from", "file", "aws", item[0], file.toString(), "--secret-file", "app", "-v", item[2]);
        }
        proxy.inject(request -> {
            if (request.isKms("Decrypt")) {
                decrypts.incrementAndGet();
            }
            return false;
        }, 1, FaultProxy.drop());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private CliRun run(String... args) {
        return aws.runWithConfig(config, args);
    }

    private CliRun ok(String... args) {
        return aws.okWithConfig(config, args);
    }

    @Test
    void export_ofFiveItemsFromThreeBags_unwrapsEachKeyVersionOnce() {
        CliRun result = ok("export", "aws", "a/one", "a/two", "b/three", "c/four", "c/five", "--format", "json");
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        assertThat(json.keySet()).containsExactly("a/one", "a/two", "b/three", "c/four", "c/five");
        assertThat(json.getAsJsonObject("c/four").get("four_pw").getAsString()).isEqualTo("pw-four $`'\"");
        assertThat(decrypts.get()).isEqualTo(2);
    }

    @Test
    void exec_andRender_readAcrossBags() throws Exception {
        Path out = dir.resolve("exec.txt");
        CliRun exec = aws.run("exec", "aws", "a/one", "c/five", "--pristine", "-c", config.toString(), "--", "sh", "-c",
                "printf '%s|%s|%s' \"$ONE_PW\" \"$FIVE_PW\" \"${AWS_ACCESS_KEY_ID-none}\" > \"$0\"", out.toString());
        assertThat(exec.exit()).as(exec.toString()).isZero();
        assertThat(Files.readString(out)).isEqualTo("pw-one $`'\"|pw-five $`'\"|none");
        Path template = aws.writeFile("t.tmpl", "{{b/three/three_pw}}");
        assertThat(ok("render", "aws", template.toString()).out()).isEqualTo("pw-three $`'\"");
    }
}
