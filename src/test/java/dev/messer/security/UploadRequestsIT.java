package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.aws.AwsFixture;
import dev.messer.aws.MotoTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests one {@code data bag from file} of ten items makes on S3, counted by a relay in front
 * of moto: one conditional PUT per new item, one GET and one conditional PUT per replaced item, and
 * a constant for the command (the bag marker, the bag listing, the key listing and the key object).
 */
@MotoTest
class UploadRequestsIT {

    private static final int ITEMS = 10;
    private static final int PER_COMMAND = 4;

    @TempDir
    Path dir;
    private AwsFixture aws;
    private FaultProxy proxy;
    private Path config;
    private Path folder;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        proxy = new FaultProxy(aws.moto().endpoint());
        config = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString()));
        ok("encryption", "create", "aws", "app");
        ok("data", "bag", "create", "aws", "bag");
        for (int i = 0; i < ITEMS; i++) {
            folder = aws.writeFile("items/item" + i + ".json", "{\"id\":\"item" + i + "\",\"password\":\"p" + i + "\"}")
                    .getParent();
        }
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    @Test
    void tenNewItems_costTenConditionalPuts_plusAConstant() {
        int before = proxy.log().size();

        ok("data", "bag", "from", "file", "aws", "bag", folder.toString(), "--secret-file", "app");

        List<String> s3 = s3Requests(before);
        assertThat(count(s3, "PUT", "/dev/bag/item")).isEqualTo(ITEMS);
        assertThat(count(s3, "GET", "/dev/bag/item")).isZero();
        assertThat(s3.size()).as(String.join("\n", s3)).isLessThanOrEqualTo(ITEMS + PER_COMMAND);
    }

    @Test
    void tenReplacedItems_costOneGetAndOneConditionalPutEach_plusAConstant() {
        ok("data", "bag", "from", "file", "aws", "bag", folder.toString(), "--secret-file", "app");
        for (int i = 0; i < ITEMS; i++) {
            aws.writeFile("items/item" + i + ".json", "{\"id\":\"item" + i + "\",\"password\":\"new" + i + "\"}");
        }
        int before = proxy.log().size();

        ok("data", "bag", "from", "file", "aws", "bag", folder.toString(), "--secret-file", "app", "--force");

        List<String> s3 = s3Requests(before);
        assertThat(count(s3, "PUT", "/dev/bag/item")).isEqualTo(ITEMS);
        assertThat(count(s3, "GET", "/dev/bag/item")).isEqualTo(ITEMS);
        assertThat(s3.size()).as(String.join("\n", s3)).isLessThanOrEqualTo(2 * ITEMS + PER_COMMAND);
    }

    @Test
    void tenUnchangedItems_costOneGetEach_andNoPut() {
        ok("data", "bag", "from", "file", "aws", "bag", folder.toString(), "--secret-file", "app");
        int before = proxy.log().size();

        ok("data", "bag", "from", "file", "aws", "bag", folder.toString(), "--secret-file", "app", "--force");

        List<String> s3 = s3Requests(before);
        assertThat(count(s3, "PUT", "/dev/bag/item")).isZero();
        assertThat(count(s3, "GET", "/dev/bag/item")).isEqualTo(ITEMS);
        assertThat(s3.size()).as(String.join("\n", s3)).isLessThanOrEqualTo(ITEMS + PER_COMMAND);
    }

    private List<String> s3Requests(int from) {
        List<String> log = proxy.log();
        // KMS and STS are JSON calls, POST /; S3 requests name their bucket in the path
        return log.subList(from, log.size()).stream().filter(line -> !line.startsWith("POST / ")).toList();
    }

    private static long count(List<String> requests, String method, String path) {
        return requests.stream().filter(line -> line.startsWith(method + " ") && line.contains(path)).count();
    }

    private void ok(String... args) {
        aws.okWithConfig(config, args);
    }
}
