package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import dev.messer.cli.HintLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixes {@code doctor aws} prints run as written against moto, for a profile that is not the
 * default one (dev) in a file whose path holds a space: each carries {@code aws}, {@code --profile
 * dev} and {@code -c}, succeeds, and changes that profile, not a new {@code [profile aws]}.
 */
@MotoTest
class DoctorFixesRunAsWrittenIT {

    @TempDir
    Path dir;
    private AwsFixture aws;
    private Path ini;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
    }

    /** {@code [profile dev]} of the fixture, with {@code overrides}, in "team config.ini". */
    private Path writeIni(Map<String, String> overrides) throws Exception {
        Path written = aws.writeIni("team config.ini", overrides);
        return Files.writeString(written, Files.readString(written).replace("[profile aws]", "[profile dev]"));
    }

    private CliRun run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--profile", "dev", "-c", ini.toString()));
        return aws.run(args.toArray(String[]::new));
    }

    private CliRun runAsTyped(String... args) {
        return aws.run(args);
    }

    private String[] doctor() {
        return new String[] {"doctor", "aws", "--profile", "dev", "-c", ini.toString()};
    }

    private void reachesDev(String command) {
        assertThat(command).startsWith("messer ").contains(" aws").contains("--profile dev")
                .contains("-c \"" + ini + "\"");
    }

    private void assertOnlyProfileDev() throws Exception {
        String text = Files.readString(ini);
        assertThat(text).contains("[profile dev]").doesNotContain("[profile aws]");
        assertThat(text.split("\\[profile ", -1)).hasSize(2);
    }

    @Test
    void aMissingAlias_isFixedBySetupCreateKey_andTheOtherFixesReachDev() throws Exception {
        ini = writeIni(Map.of());
        assertThat(run("setup", "aws", "--fix").exit()).isZero();
        String alias = "messer-missing-" + UUID.randomUUID().toString().substring(0, 8);
        ini = writeIni(Map.of("master_key", alias));

        CliRun first = runAsTyped(doctor());
        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.out()).contains("[FAIL] master key alias").contains("alias/" + alias + " does not exist")
                .contains("fix: create the key and its alias with 'messer setup aws --create-key --profile dev -c \""
                        + ini + "\"'")
                .doesNotContain("aws kms create-alias");

        CliRun last = HintLines.runDoctorsFixes(this::runAsTyped, doctor(), this::reachesDev);

        assertThat(last.exit()).as(last.toString()).isZero();
        assertThat(last.out()).contains("[ok]   master key alias").contains("alias/" + alias)
                .contains("[ok]   variables").contains("min_item_format = 2: format-1 items are refused")
                .contains("latest versions unwrap: KEY_NAME v0");
        assertOnlyProfileDev();
    }

    @Test
    void aMissingBucket_isMadeBySetup_forDev() throws Exception {
        ini = writeIni(Map.of());
        assertThat(run("setup", "aws", "--fix").exit()).isZero();
        String bucket = "missing-" + UUID.randomUUID().toString().substring(0, 13);
        ini = writeIni(Map.of("secrets_bucket", bucket));

        CliRun first = runAsTyped(doctor());
        assertThat(first.out()).contains("[FAIL] secrets bucket").contains("fix: run 'messer setup aws --profile dev -c \""
                + ini + "\"' with admin credentials to create it");

        CliRun last = HintLines.runDoctorsFixes(this::runAsTyped, doctor(), this::reachesDev);

        assertThat(last.exit()).as(last.toString()).isZero();
        assertThat(last.out()).contains("[ok]   secrets bucket").contains("s3://" + bucket + " (public access blocked");
        assertOnlyProfileDev();
    }

    @Test
    void keyRotationOff_isRepairedBySetupFix_forDev() throws Exception {
        ini = writeIni(Map.of());
        assertThat(run("setup", "aws", "--fix").exit()).isZero();
        aws.kms().disableKeyRotation(r -> r.keyId(aws.kmsKeyId()));

        CliRun first = runAsTyped(doctor());
        assertThat(first.out()).contains("[warn] key rotation").contains("fix: run 'messer setup aws --fix --profile dev -c \""
                + ini + "\"' with key administrator credentials");

        CliRun last = HintLines.runDoctorsFixes(this::runAsTyped, doctor(), this::reachesDev);

        assertThat(last.exit()).as(last.toString()).isZero();
        assertThat(last.out()).contains("[ok]   key rotation");
        assertThat(aws.kms().getKeyRotationStatus(r -> r.keyId(aws.kmsKeyId())).keyRotationEnabled()).isTrue();
        assertOnlyProfileDev();
    }
}
