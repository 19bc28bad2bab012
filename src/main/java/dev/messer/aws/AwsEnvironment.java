package dev.messer.aws;

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
        Path home = Path.of(get("HOME").orElse(System.getProperty("user.home")));
        addIfPresent(files, get("AWS_CONFIG_FILE").map(Path::of).orElse(home.resolve(".aws").resolve("config")),
                ProfileFile.Type.CONFIGURATION);
        addIfPresent(files, get("AWS_SHARED_CREDENTIALS_FILE").map(Path::of)
                .orElse(home.resolve(".aws").resolve("credentials")), ProfileFile.Type.CREDENTIALS);
        return files.build();
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
