package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsEnvironment;
import dev.messer.aws.setup.BucketHardening;
import dev.messer.aws.setup.MasterKeyAlias;
import dev.messer.config.Provider;
import dev.messer.config.SettingKey;
import dev.messer.config.Settings;
import dev.messer.error.MesserException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code messer setup aws}: creates the profile's buckets if needed and makes them as messer wants
 * them (public access blocked, default SSE-KMS, versioning, TLS-only policy), then checks the KMS
 * alias. Changes only what differs, so running it again changes nothing.
 */
final class SetupCommand extends CommandBase {

    static final String GRAMMAR = "messer setup aws [--profile P] [-c CONFIG]";

    @Parameter(description = "aws")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 1, GRAMMAR);
        if (CommandContext.provider(words.get(0)) != Provider.AWS) {
            throw new UsageException("setup is for the aws provider; a local profile needs only "
                    + "'messer configure local'");
        }
        Settings settings = context.settings(Provider.AWS, Map.of());
        String hint = "set it with 'messer configure aws'";
        Map<String, String> buckets = new LinkedHashMap<>();
        buckets.put(settings.require(SettingKey.SECRETS_BUCKET, hint), "secrets bucket");
        buckets.merge(settings.require(SettingKey.KEYS_BUCKET, hint), "keys bucket", (a, b) -> a + " and " + b);
        String masterKey = settings.require(SettingKey.MASTER_KEY, hint);
        Console console = context.console();
        try (AwsClientFactory clients = new AwsClientFactory(settings, new AwsEnvironment(console.env()),
                context.mfaPrompt())) {
            BucketHardening hardening = new BucketHardening(clients.s3(), clients.region(),
                    settings.optional(SettingKey.SSE_KMS_KEY_ID));
            for (Map.Entry<String, String> bucket : buckets.entrySet()) {
                List<String> changes = hardening.apply(bucket.getKey());
                console.data(bucket.getValue() + " s3://" + bucket.getKey() + ": "
                        + (changes.isEmpty() ? "already as required" : String.join(", ", changes)));
            }
            try {
                console.data("master key: " + MasterKeyAlias.check(clients.kms(), masterKey, clients.region().id()));
            } catch (MesserException e) {
                console.error("messer: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
        return ExitCodes.OK;
    }
}
