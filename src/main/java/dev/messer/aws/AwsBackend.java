package dev.messer.aws;

import dev.messer.aws.KmsMasterKey;
import dev.messer.aws.S3BlobStore;
import dev.messer.backend.Backend;
import dev.messer.config.AwsSettings;
import dev.messer.config.Sourced;
import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import dev.messer.masterkey.MasterKey;
import dev.messer.store.BlobStore;
import java.util.regex.Pattern;

/**
 * The secrets and keys buckets in S3 and the master key in KMS. Opening it checks the settings and
 * connects nothing; each SDK client is made when a call first needs it.
 */
public final class AwsBackend implements Backend {

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ALIAS_NAME = Pattern.compile("[A-Za-z0-9/_-]{1,250}");

    private final AwsSettings settings;
    private final AwsClientFactory clients;
    private final S3BlobStore secrets;
    private final S3BlobStore keys;
    private KmsMasterKey masterKey;

    /** @param clients the profile's clients, made by the composition root; closed with the backend */
    public AwsBackend(AwsSettings settings, AwsClientFactory clients) {
        this.settings = settings;
        this.clients = clients;
        this.secrets = new S3BlobStore(clients::s3, bucket(settings.secretsBucket(), "-b"), "secrets_bucket",
                settings.sseKmsKeyId());
        this.keys = new S3BlobStore(clients::s3, bucket(settings.keysBucket(), "-k"), "keys_bucket",
                settings.sseKmsKeyId());
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
        if (masterKey == null) {
            String alias = settings.masterKey().require(
                    Hint.of("set it to the KMS alias without alias/ ({})", Hint.aws("configure", "-m", "NAME")));
            if (alias.startsWith("alias/")) {
                alias = alias.substring("alias/".length());
            }
            if (!ALIAS_NAME.matcher(alias).matches()) {
                throw new ConfigException("master_key '" + alias + "' (from " + settings.masterKey().from()
                        + ") is not a KMS alias name; use letters, digits, '/', '_' and '-'");
            }
            masterKey = new KmsMasterKey(clients::kms, alias, clients.region().id());
        }
        return masterKey;
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
