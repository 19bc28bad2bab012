package dev.messer.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The standard AWS variables as the command sees them (the process environment in normal use, a
 * given map in tests): credentials, {@code AWS_PROFILE}, {@code AWS_REGION}, the shared config
 * and credentials files, {@code AWS_ENDPOINT_URL*} and {@code AWS_EC2_METADATA_DISABLED}.
 */
public final class AwsEnvironment {

    private final Map<String, String> env;

    public AwsEnvironment(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The profile in the shared files to use: {@code aws_profile} when set, else AWS_PROFILE, else "default". */
    public String profileName(Optional<String> awsProfileSetting) {
        return awsProfileSetting.or(() -> get("AWS_PROFILE")).orElse("default");
    }

    /** {@code ~/.aws/config} and {@code ~/.aws/credentials} (or the files the variables name), those that exist. */
    public ProfileFile profileFile() {
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        addIfPresent(files, configFile(), ProfileFile.Type.CONFIGURATION);
        addIfPresent(files, credentialsFile(), ProfileFile.Type.CREDENTIALS);
        return files.build();
    }

    /**
     * Which config and credentials files {@link #profileFile} reads, by their absolute paths with
     * links resolved: a profile name means something only together with its files, so that two
     * files that both hold {@code [profile dev]} must not be taken for one.
     */
    public String profileFilesIdentity() {
        return "config=" + real(configFile()) + "\ncredentials=" + real(credentialsFile());
    }

    private Path configFile() {
        return get("AWS_CONFIG_FILE").map(Path::of).orElse(home().resolve(".aws").resolve("config"));
    }

    private Path credentialsFile() {
        return get("AWS_SHARED_CREDENTIALS_FILE").map(Path::of).orElse(home().resolve(".aws").resolve("credentials"));
    }

    private Path home() {
        return Path.of(get("HOME").orElse(System.getProperty("user.home")));
    }

    private static String real(Path file) {
        try {
            return file.toRealPath().toString();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize().toString();
        }
    }

    /** True when the instance metadata service must not be asked (off EC2, and in tests). */
    public boolean metadataDisabled() {
        String value = get("AWS_EC2_METADATA_DISABLED")
                .orElse(System.getProperty("aws.disableEc2Metadata", "false"));
        return value.toLowerCase(Locale.ROOT).equals("true");
    }

    private static void addIfPresent(ProfileFile.Aggregator files, Path path, ProfileFile.Type type) {
        if (Files.isRegularFile(path)) {
            files.addFile(ProfileFile.builder().content(path).type(type).build());
        }
    }
}
