package dev.messer.aws;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.messer.error.UnavailableException;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The temporary credentials of assumed roles, kept between commands: one JSON file per session in
 * {@code $XDG_CACHE_HOME/messer/sessions/} (else {@code ~/.cache/messer/sessions/}), mode 0600 in a
 * 0700 folder. A session is used until {@link #REFRESH_MARGIN} before it expires. A file that is
 * not a regular file of this user with mode 0600, or that does not parse, is ignored with a warning
 * and replaced by the next session written. Long-term keys are never written here: only STS
 * session credentials, which carry a session token and an expiry.
 */
final class SessionCache {

    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final int FORMAT = 1;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path folder;
    private final Clock clock;
    private final Consumer<String> warnings;

    SessionCache(Path folder, Clock clock, Consumer<String> warnings) {
        this.folder = folder;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** The cache folder for this environment. */
    static Path folder(AwsEnvironment env) {
        Path base = env.get("XDG_CACHE_HOME").map(Path::of)
                .orElseGet(() -> Path.of(env.get("HOME").orElse(System.getProperty("user.home")), ".cache"));
        return base.resolve("messer").resolve("sessions");
    }

    Path folder() {
        return folder;
    }

    /**
     * The file name for one session: a hash of everything that makes sessions differ, so that the
     * name reveals nothing and no call to AWS is needed to find it.
     *
     * @param base the caller's credentials: {@code profile:NAME} or {@code key:} and a hash of the access key id
     */
    static String key(String base, AssumedRole role) {
        String joined = String.join("\n", "v" + FORMAT, base, role.arn(), role.externalId().orElse(""),
                role.sessionName(), role.mfaSerial().orElse(""),
                role.durationSeconds().isPresent() ? String.valueOf(role.durationSeconds().getAsInt()) : "");
        return sha256(joined).substring(0, 40) + ".json";
    }

    /** {@code key:} and a hash of the access key id: identifies credentials without naming them. */
    static String accessKeyIdentity(String accessKeyId) {
        return "key:" + sha256(accessKeyId).substring(0, 32);
    }

    /** The session in {@code name} if it is valid and not within the margin of its expiry. */
    Optional<AwsSessionCredentials> read(String name, String roleArn) {
        Path file = folder.resolve(name);
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            warn(file, "it cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            warn(file, "it is not a regular file");
            return Optional.empty();
        }
        if (!attributes.owner().getName().equals(System.getProperty("user.name"))) {
            warn(file, "it belongs to " + attributes.owner().getName());
            return Optional.empty();
        }
        if (!OWNER_ONLY.containsAll(attributes.permissions())) {
            warn(file, "its mode is " + PosixFilePermissions.toString(attributes.permissions())
                    + ", readable by others");
            return Optional.empty();
        }
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            if (json.get("format").getAsInt() != FORMAT || !json.get("role_arn").getAsString().equals(roleArn)) {
                warn(file, "it holds another session");
                return Optional.empty();
            }
            Instant expiration = Instant.parse(json.get("expiration").getAsString());
            if (!fresh(expiration)) {
                return Optional.empty();
            }
            return Optional.of(AwsSessionCredentials.builder()
                    .accessKeyId(nonBlank(json, "access_key_id"))
                    .secretAccessKey(nonBlank(json, "secret_access_key"))
                    .sessionToken(nonBlank(json, "session_token"))
                    .expirationTime(expiration)
                    .providerName("messer session cache")
                    .build());
        } catch (IOException | RuntimeException e) {
            warn(file, "it is corrupt");
            return Optional.empty();
        }
    }

    /** True while {@code expiration} is more than the margin away. */
    boolean fresh(Instant expiration) {
        return clock.instant().plus(REFRESH_MARGIN).isBefore(expiration);
    }

    /** Writes a session, replacing any file of that name (atomically, mode 0600). */
    void write(String name, String roleArn, AwsSessionCredentials session) {
        if (session.sessionToken() == null || session.expirationTime().isEmpty()) {
            throw new IllegalArgumentException("only temporary session credentials are cached");
        }
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("role_arn", roleArn);
        json.addProperty("access_key_id", session.accessKeyId());
        json.addProperty("secret_access_key", session.secretAccessKey());
        json.addProperty("session_token", session.sessionToken());
        json.addProperty("expiration", session.expirationTime().get().toString());
        Path target = folder.resolve(name);
        try {
            prepareFolder();
            Path temp = Files.createTempFile(folder, ".session-", ".tmp", PrivateFiles.ownerOnlyFile());
            try {
                Files.writeString(temp, json.toString(), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            warnings.accept("cannot keep the AWS session in " + folder + " (" + e.getMessage()
                    + "); the role will be assumed again next time");
        }
    }

    /** Deletes one session file; true if there was one. */
    boolean delete(String name) {
        try {
            return Files.deleteIfExists(folder.resolve(name));
        } catch (IOException e) {
            throw new UnavailableException("cannot delete " + folder.resolve(name) + " (" + e.getMessage()
                    + "); delete it by hand", e);
        }
    }

    /** Deletes every session file; returns how many there were. */
    int deleteAll() {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                count++;
            }
        } catch (IOException e) {
            throw new UnavailableException("cannot delete the AWS sessions in " + folder + " (" + e.getMessage()
                    + "); delete the folder by hand", e);
        }
        return count;
    }

    private void prepareFolder() throws IOException {
        PrivateFiles.createDirectories(folder);
        if (!Files.getPosixFilePermissions(folder).equals(EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private void warn(Path file, String why) {
        warnings.accept("ignoring the cached AWS session " + file + " (" + why + "); it will be replaced");
    }

    private static String nonBlank(JsonObject json, String field) {
        String value = json.get(field).getAsString();
        if (value.isBlank()) {
            throw new JsonParseException(field + " is empty");
        }
        return value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
