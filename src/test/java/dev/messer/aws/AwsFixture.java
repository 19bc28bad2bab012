package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;

import dev.messer.cli.CliRun;
import dev.messer.cli.CliSandbox;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A fresh AWS world on the shared moto server for one test: its own secrets and keys buckets, a
 * KMS key with an alias, a home folder, an environment with dummy credentials, and a messer.ini
 * pointing at moto. Names carry a random suffix, so tests never see each other's objects.
 */
public final class AwsFixture {

    public static final String TIER = "dev";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MotoServer moto;
    private final Path dir;
    private final String suffix;
    private final String secretsBucket;
    private final String keysBucket;
    private final String masterKey;
    private final String kmsKeyId;
    private final CliSandbox cli;
    private final Map<String, String> env;

    private AwsFixture(MotoServer moto, Path dir) {
        this.moto = moto;
        this.dir = dir;
        this.suffix = randomSuffix();
        this.secretsBucket = createBucket("secrets-" + suffix);
        this.keysBucket = createBucket("keys-" + suffix);
        this.masterKey = "messer-" + suffix;
        this.kmsKeyId = createKey(masterKey);
        this.cli = new CliSandbox(dir);
        this.env = cli.env;
        env.put("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
    }

    /** Buckets, key and alias on the shared moto server; files under {@code dir} (a @TempDir). */
    public static AwsFixture create(Path dir) {
        return new AwsFixture(MotoServer.shared(), dir);
    }

    public MotoServer moto() {
        return moto;
    }

    public S3Client s3() {
        return moto.s3();
    }

    public KmsClient kms() {
        return moto.kms();
    }

    public String secretsBucket() {
        return secretsBucket;
    }

    public String keysBucket() {
        return keysBucket;
    }

    /** The alias name without {@code alias/}. */
    public String masterKey() {
        return masterKey;
    }

    public String kmsKeyId() {
        return kmsKeyId;
    }

    public Path dir() {
        return dir;
    }

    /** The environment the CLI gets: a copy the test may change. */
    public Map<String, String> env() {
        return env;
    }

    /** Creates a bucket with a name made unique for this fixture. */
    public String createBucket(String name) {
        moto.s3().createBucket(r -> r.bucket(name));
        return name;
    }

    /** Creates a symmetric KMS key and {@code alias/<alias>} for it; returns the key id. */
    public String createKey(String alias) {
        String keyId = moto.kms().createKey(r -> r.description("messer test key " + alias)).keyMetadata().keyId();
        moto.kms().createAlias(r -> r.aliasName("alias/" + alias).targetKeyId(keyId));
        return keyId;
    }

    /** The profile settings pointing at this fixture: provider, tier, buckets, key, moto endpoint. */
    public Map<String, String> profile() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("provider", "aws");
        values.put("tier", TIER);
        values.put("master_key", masterKey);
        values.put("region", MotoServer.REGION);
        values.put("secrets_bucket", secretsBucket);
        values.put("keys_bucket", keysBucket);
        values.put("endpoint_url", moto.endpoint().toString());
        values.put("path_style", "true");
        return values;
    }

    /** Writes {@code messer.ini}: see {@link #writeIni(String, Map)}. */
    public Path writeIni(Map<String, String> overrides) {
        return writeIni("messer.ini", overrides);
    }

    /** Writes {@code [profile aws]} with {@link #profile()} plus {@code overrides} (an empty value removes a key). */
    public Path writeIni(String fileName, Map<String, String> overrides) {
        Map<String, String> values = profile();
        overrides.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                values.remove(k);
            } else {
                values.put(k, v);
            }
        });
        StringBuilder text = new StringBuilder("[profile aws]\n");
        values.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        return writeFile(fileName, text.toString());
    }

    public Path writeIni() {
        return writeIni(Map.of());
    }

    /** Writes a file in the fixture's folder. */
    public Path writeFile(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the CLI in-process with this fixture's environment. */
    public CliRun run(String... args) {
        return cli.run(args);
    }

    /** Runs the CLI like {@link #run(String...)}, with {@code -c config} after {@code args}. */
    public CliRun runWithConfig(Path config, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "-c";
        all[args.length + 1] = config.toString();
        return run(all);
    }

    /** Runs like {@link #runWithConfig}, and the command must succeed (exit 0). */
    public CliRun okWithConfig(Path config, String... args) {
        return ok(runWithConfig(config, args));
    }

    /**
     * Through the CLI with {@code config}: creates data key {@code app} and bag {@code payments}, and
     * uploads item {@code db} (password {@code s3cret}) under that key; every step must succeed.
     */
    public void storePaymentsItem(String config) {
        ok(run("encryption", "create", "aws", "app", "-c", config));
        ok(run("data", "bag", "create", "aws", "payments", "-c", config));
        Path item = writeFile("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        ok(run("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file", "app",
                "-c", config));
    }

    /** Settings as the aws profile of {@link #writeIni()} resolves them, plus {@code overrides}. */
    public Settings settings(Map<Setting, String> overrides) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        profile().forEach((k, v) -> values.put(Setting.valueOf(k.toUpperCase(Locale.ROOT)), v));
        values.putAll(overrides);
        return Settings.of(Provider.AWS, values);
    }

    public Settings settings() {
        return settings(Map.of());
    }

    /** The object bytes as stored in a bucket. */
    public byte[] object(String bucket, String key) {
        return moto.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    private static String randomSuffix() {
        String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            out.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return out.toString();
    }
}
