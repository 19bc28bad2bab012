package dev.messer.aws;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * An IAM Identity Center (SSO) profile of the AWS config, in either form: with
 * {@code sso_session = NAME} and a {@code [sso-session NAME]} section, or the legacy form with
 * {@code sso_start_url} and {@code sso_region} in the profile. The access token is the one
 * {@code aws sso login} keeps in {@code ~/.aws/sso/cache/}, in a file named by the SHA-1 of the
 * session name (or, in the legacy form, of the start URL).
 *
 * @param profile the AWS profile, for the "run aws sso login" hint
 */
record SsoLogin(String profile, String cacheKey, String region, String accountId, String roleName) {

    /** The SSO settings of {@code profile}, or empty when it is not an SSO profile. */
    static Optional<SsoLogin> of(ProfileFile files, Profile profile) {
        String name = profile.name();
        Optional<String> session = profile.property("sso_session");
        if (session.isEmpty() && profile.property("sso_start_url").isEmpty()) {
            return Optional.empty();
        }
        String region;
        String key;
        if (session.isPresent()) {
            Profile section = files.getSection("sso-session", session.get()).orElseThrow(() -> new ConfigException(
                    "AWS profile " + name + " names sso_session " + session.get() + ", but the AWS config has no [sso-session "
                            + session.get() + "] section; run 'aws configure sso --profile " + name + "'"));
            region = required(section, "sso_region", "[sso-session " + session.get() + "]", name);
            key = session.get();
        } else {
            region = required(profile, "sso_region", "AWS profile " + name, name);
            key = profile.property("sso_start_url").get();
        }
        return Optional.of(new SsoLogin(name, key, region, required(profile, "sso_account_id", "AWS profile " + name, name),
                required(profile, "sso_role_name", "AWS profile " + name, name)));
    }

    /** The access token of the current sign-in. @throws AccessDeniedException when there is none or it expired */
    String accessToken(AwsEnvironment env, Clock clock) {
        Path file = cacheFile(env);
        String loginHint = "run 'aws sso login --profile " + profile + "'";
        try {
            JsonObject token = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            Instant expiresAt = Instant.parse(token.get("expiresAt").getAsString());
            if (!clock.instant().isBefore(expiresAt)) {
                throw new AccessDeniedException("the AWS SSO sign-in of profile " + profile + " expired at " + expiresAt
                        + "; " + loginHint);
            }
            return token.get("accessToken").getAsString();
        } catch (NoSuchFileException e) {
            throw new AccessDeniedException("there is no AWS SSO sign-in for profile " + profile + "; " + loginHint, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AccessDeniedException denied) {
                throw denied;
            }
            throw new AccessDeniedException("the AWS SSO token cache " + file + " cannot be read; " + loginHint, e);
        }
    }

    Path cacheFile(AwsEnvironment env) {
        Path home = Path.of(env.get("HOME").orElse(System.getProperty("user.home")));
        return home.resolve(".aws").resolve("sso").resolve("cache").resolve(sha1(cacheKey) + ".json");
    }

    private static String required(Profile section, String property, String where, String profile) {
        return section.property(property).orElseThrow(() -> new ConfigException(where + " has no " + property
                + "; run 'aws configure sso --profile " + profile + "'"));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
