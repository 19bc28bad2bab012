package dev.messer.aws;

import dev.messer.aws.KmsMasterKey;
import dev.messer.aws.S3BlobStore;
import dev.messer.backend.TwoBuckets;
import dev.messer.config.AwsSettings;
import dev.messer.config.Sourced;
import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import dev.messer.masterkey.MasterKey;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secrets and keys buckets in S3 and the master key in KMS. Opening it checks the settings and
 * connects nothing; each SDK client is made when a call first needs it.
 */
public final class AwsBackend extends TwoBuckets {

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ALIAS_NAME = Pattern.compile("[A-Za-z0-9/_-]{1,250}");

    private final AwsSettings settings;
    private final AwsClientFactory clients;
    private final Map<String, KmsMasterKey> masterKeys = new HashMap<>();

    /** @param clients the profile's clients, made by the composition root; closed with the backend */
    public AwsBackend(AwsSettings settings, AwsClientFactory clients) {
        super(new S3BlobStore(clients, bucket(settings.secretsBucket(), "-b"), "secrets_bucket",
                        settings.sseKmsKeyId()),
                new S3BlobStore(clients, bucket(settings.keysBucket(), "-k"), "keys_bucket",
                        settings.sseKmsKeyId()),
                false); // each tier has a keys bucket of its own (messer-<tier>-keys or its override)
        this.settings = settings;
        this.clients = clients;
    }

    /** The clients made so far; for tests and diagnostics. */
    public AwsClientFactory clients() {
        return clients;
    }

    @Override
    public long throttledAnswers() {
        return clients.throttledAnswers();
    }

    @Override
    public String writer() {
        return clients.callerArn();
    }

    @Override
    public synchronized MasterKey masterKey() {
        return masterKey(masterKeyName());
    }

    @Override
    public String masterKeyName() {
        String alias = settings.masterKey().require(
                Hint.of("set it to the KMS alias without alias/ ({})", Hint.aws("configure", "-m", "NAME")));
        return aliasName(alias, "master_key", " (from " + settings.masterKey().from() + ")");
    }

    @Override
    public synchronized MasterKey masterKey(String name) {
        String alias = aliasName(name, "master key name", "");
        return masterKeys.computeIfAbsent(alias, a -> new KmsMasterKey(clients, a, clients.region().id()));
    }

    private static String aliasName(String value, String what, String source) {
        String alias = value.startsWith("alias/") ? value.substring("alias/".length()) : value;
        if (!ALIAS_NAME.matcher(alias).matches()) {
            throw new ConfigException(what + " '" + alias + "'" + source + " is not a KMS alias name; use letters, "
                    + "digits, '/', '_' and '-'");
        }
        return alias;
    }

    @Override
    public void close() {
        clients.close();
    }

    /** @param flag the short option of {@code configure aws} that sets it */
    private static String bucket(Sourced<String> setting, String flag) {
        String name = setting.require(Hint.of("set it with {}", Hint.aws("configure", flag, "BUCKET")));
        if (!BUCKET_NAME.matcher(name).matches()) {
            throw new ConfigException(setting.name() + " '" + name + "' (from " + setting.from()
                    + ") is not an S3 bucket name; use 3 to 63 lowercase letters, digits, '.' and '-'");
        }
        return name;
    }
}
