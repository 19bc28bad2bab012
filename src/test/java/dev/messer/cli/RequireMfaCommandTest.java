package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy aws --key-policy --require-mfa}: what it says on stderr about whom the MFA denies lock out. */
class RequireMfaCommandTest {

    @TempDir
    Path home;

    CliSandbox sandbox;
    Path ini;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new CliSandbox(home);
        ini = Files.writeString(home.resolve("team.ini"), """
                [profile dev]
                provider = aws
                tier = dev
                master_key = acme-messer-dev
                region = eu-west-1
                secrets_bucket = acme-secrets
                keys_bucket = acme-keys-dev
                account_id = 123456789012
                """);
    }

    private static List<String> strings(JsonObject policy, String sid, String field) {
        List<String> values = new ArrayList<>();
        for (JsonElement element : policy.getAsJsonArray("Statement")) {
            JsonObject statement = element.getAsJsonObject();
            if (statement.get("Sid").getAsString().equals(sid)) {
                statement.getAsJsonArray(field).forEach(e -> values.add(e.getAsString()));
            }
        }
        return values;
    }

    @Test
    void requireMfa_saysOnStderrWhomItLocksOut_andWarnsAboutAnIdentityCenterKeyAdministrator() {
        String sso = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/"
                + "AWSReservedSSO_KeyAdmins_0123456789abcdef";
        List<String> args = new ArrayList<>(List.of("policy", "aws", "--key-policy", "--require-mfa", "--key-admin-role",
                "arn:aws:iam::123456789012:role/ka", "--key-admin-role", sso, "-c", ini.toString(), "--profile", "dev"));
        CliRun result = sandbox.run(args.toArray(String[]::new));

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("note: --require-mfa denies kms:ScheduleKeyDeletion, kms:DisableKey, "
                + "kms:PutKeyPolicy, kms:DeleteAlias, kms:UpdateAlias without MFA in the last 300 seconds to IAM users "
                + "and the account root, and to the key administrators arn:aws:iam::123456789012:role/ka, " + sso)
                .contains("sessions of other roles (pipelines, IAM Identity Center) are not affected")
                .contains("warning: key administrator " + sso + " is an IAM Identity Center role");
        assertThat(result.err().lines().filter(l -> l.startsWith("warning:"))).hasSize(1);
        JsonObject policy = JsonParser.parseString(result.out()).getAsJsonObject();
        assertThat(strings(policy, "MesserKeyAdminsDenyWithoutMfa", "Action")).contains("kms:PutKeyPolicy",
                "kms:UpdateAlias");
    }
}
