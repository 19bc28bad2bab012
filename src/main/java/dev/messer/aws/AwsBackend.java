package dev.messer.aws;

import dev.messer.aws.KmsMasterKey;
import dev.messer.aws.S3BlobStore;
import dev.messer.backend.Backend;
import dev.messer.config.SettingKey;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import dev.messer.masterkey.MasterKey;
import dev.messer.store.BlobStore;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secrets and keys buckets in S3 and the master key in KMS. Opening it checks the settings and
 * connects nothing; each SDK client is made when a call first needs it.
 */
public final class AwsBackend implements Backend {

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ALIAS_NAME = Pattern.compile("[A-Za-z0-9/_-]{1,250}");

    private final Settings settings;
    private final AwsClientFactory clients;
    private final S3BlobStore secrets;
    private final S3BlobStore keys;
    private final Map<String, KmsMasterKey> masterKeys = new HashMap<>();

    /** @param clients the profile's clients, made by the composition root; closed with the backend */
    public AwsBackend(Settings settings, AwsClientFactory clients) {
        this.settings = settings;
        this.clients = clients;
        this.secrets = new S3BlobStore(clients::s3, bucket(SettingKey.SECRETS_BUCKET), "secrets_bucket",
                settings.optional(SettingKey.SSE_KMS_KEY_ID));
        this.keys = new S3BlobStore(clients::s3, bucket(SettingKey.KEYS_BUCKET), "keys_bucket",
                settings.optional(SettingKey.SSE_KMS_KEY_ID));
    }

    /** The clients made so far; for tests and diagnostics. */
    public AwsClientFactory clients() {
        return clients;
    }

    @Override
    public BlobStore secrets() {
        return secrets;
    }

    @Override
    public BlobStore keys() {
        return keys;
    }

    /** Each tier has a keys bucket of its own ({@code messer-<tier>-keys} or its override). */
    @Override
    public boolean tiersShareKeys() {
        return false;
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
        String alias = settings.require(SettingKey.MASTER_KEY,
                Hint.of("set it to the KMS alias without alias/ ({})", Hint.aws("configure", "-m", "NAME")));
        return aliasName(alias, "master_key", " (from " + settings.source(SettingKey.MASTER_KEY) + ")");
    }

    @Override
    public synchronized MasterKey masterKey(String name) {
        String alias = aliasName(name, "master key name", "");
        return masterKeys.computeIfAbsent(alias, a -> new KmsMasterKey(clients::kms, a, clients.region().id()));
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

    private String bucket(SettingKey key) {
        String name = settings.require(key, Hint.of("set it with {}",
                Hint.aws("configure", key == SettingKey.SECRETS_BUCKET ? "-b" : "-k", "BUCKET")));
        if (!BUCKET_NAME.matcher(name).matches()) {
            throw new ConfigException(key.iniName() + " '" + name + "' (from " + settings.source(key)
                    + ") is not an S3 bucket name; use 3 to 63 lowercase letters, digits, '.' and '-'");
        }
        return name;
    }
}
