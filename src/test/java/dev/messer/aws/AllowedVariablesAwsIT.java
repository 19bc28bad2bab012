package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code allowed_variables} on the aws provider: doctor reports it, and exec and export keep to it. */
@MotoTest
class AllowedVariablesAwsIT {

    @TempDir
    Path dir;
    private AwsFixture aws;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
    }

    @Test
    void doctor_mentionsAProfileWithoutAList_asInformation_andNamesTheList() {
        Path unlisted = aws.writeIni();
        aws.storePaymentsItem(unlisted.toString());
        CliRun without = aws.runWithConfig(unlisted, "doctor", "aws");
        assertThat(without.out()).as(without.toString()).contains("[info] variables").contains("no allowed_variables")
                .contains("hint: name what your programs read, such as: 'messer configure aws --allowed-variables "
                        + "\"DB_* API_*\" -c " + unlisted + "'")
                .doesNotContain("[warn] variables").doesNotContain("[FAIL] variables");

        Path listed = aws.writeIni("listed.ini", Map.of("allowed_variables", "DB_* PASS*"));
        CliRun with = aws.runWithConfig(listed, "doctor", "aws");
        assertThat(with.out()).as(with.toString()).contains("[ok]   variables")
                .contains("allowed_variables (DB_* PASS*, from [profile aws])");
    }

    @Test
    void exec_andExport_keepToTheList() {
        Path config = aws.writeIni(Map.of("allowed_variables", "DB_*"));
        aws.storePaymentsItem(config.toString());

        CliRun refused = aws.runWithConfig(config, "export", "aws", "payments/db");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).hasLineCount(1).contains("field 'password' of item payments/db")
                .contains("PASSWORD").contains("allowed_variables (DB_*, from [profile aws])");

        CliRun exec = aws.run("exec", "aws", "payments/db", "-c", config.toString(), "--allow-var", "PASSWORD", "--",
                "sh", "-c", "test \"$PASSWORD\" = s3cret");
        assertThat(exec.exit()).as(exec.toString()).isZero();
        assertThat(ok(aws.runWithConfig(config, "export", "aws", "payments/db", "--prefix", "DB_")).out())
                .contains("DB_PASSWORD=");
    }
}
