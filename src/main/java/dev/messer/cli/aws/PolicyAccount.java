package dev.messer.cli.aws;

import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsPartition;
import dev.messer.cli.Console;
import dev.messer.cli.UsageException;
import dev.messer.config.AwsSettings;
import dev.messer.config.Sourced;
import dev.messer.error.ConfigException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The partition and account a generated policy names. The account, in order: the key ARN, the
 * {@code --account} flag, the {@code account_id} setting, the account of {@code role_arn}, else one
 * {@code sts:GetCallerIdentity} call, which is said on stderr. The partition follows the region
 * ({@code aws-cn}, {@code aws-us-gov}, ...), else the key ARN or {@code role_arn}.
 */
record PolicyAccount(String partition, String account) {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    static PolicyAccount resolve(AwsSettings settings, String accountFlag, String keyArn, Console console,
                                 Supplier<AwsClientFactory> clients) {
        Optional<String[]> key = arnParts(keyArn);
        Optional<String[]> role = arnParts(settings.role().arn().orElse(""));
        String partition = settings.region().map(AwsPartition::of)
                .or(() -> key.map(p -> p[1]))
                .or(() -> role.map(p -> p[1]))
                .orElse("aws");
        if (accountFlag != null && !ACCOUNT.matcher(accountFlag).matches()) {
            throw new UsageException("--account '" + accountFlag + "' is not an account id (12 digits)");
        }
        Sourced<String> accountId = settings.accountId();
        Optional<String> setting = accountId.optional();
        if (setting.isPresent() && !ACCOUNT.matcher(setting.get().trim()).matches()) {
            throw new ConfigException("account_id is '" + setting.get() + "' (from " + accountId.from()
                    + "); it must be an account id of 12 digits");
        }
        Optional<String> account = key.map(p -> p[4]).filter(a -> !a.isEmpty())
                .or(() -> Optional.ofNullable(accountFlag))
                .or(() -> setting.map(String::trim))
                .or(() -> role.map(p -> p[4]).filter(a -> ACCOUNT.matcher(a).matches()));
        if (account.isPresent()) {
            return new PolicyAccount(partition, account.get());
        }
        String called = clients.get().callerIdentity().account();
        console.info("note: account " + called + " is from sts:GetCallerIdentity; give --account or set account_id "
                + "to name it without an AWS call");
        return new PolicyAccount(partition, called);
    }

    private static Optional<String[]> arnParts(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", -1);
        return parts.length >= 6 ? Optional.of(parts) : Optional.empty();
    }
}
