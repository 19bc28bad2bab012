package dev.messer.aws;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.ConfigException;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

/**
 * An IAM Identity Center (SSO) profile of the AWS config, in either form: with
 * {@code sso_session = NAME} and a {@code [sso-session NAME]} section, or the legacy form with
 * {@code sso_start_url} and {@code sso_region} in the profile. The access token is the one
 * {@code aws sso login} keeps in {@code ~/.aws/sso/cache/}, in a file named by the SHA-1 of the
 * session name (or, in the legacy form, of the start URL). In the {@code sso_session} form an
 * expired token is renewed with its refresh token, as the AWS CLI and SDK do.
 *
 * @param profile the AWS profile, for the "run aws sso login" hint
 */
record SsoLogin(String profile, String cacheKey, String region, String accountId, String roleName, boolean sessionForm) {

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
                required(profile, "sso_role_name", "AWS profile " + name, name), session.isPresent()));
    }

    /**
     * The access token of the current sign-in. An expired token of the {@code sso_session} form is
     * renewed with its refresh token through the SSO OIDC service, and the renewed token written
     * back to the cache, as the AWS CLI does.
     *
     * @throws AccessDeniedException when there is no sign-in, or it expired and cannot be renewed
     */
    String accessToken(AwsEnvironment env, Clock clock, Supplier<SsoOidcClient> oidc) {
        Path file = cacheFile(env);
        String loginHint = "run 'aws sso login --profile " + profile + "'";
        JsonObject token;
        Instant expiresAt;
        try {
            token = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            expiresAt = Instant.parse(token.get("expiresAt").getAsString());
            if (clock.instant().isBefore(expiresAt)) {
                return token.get("accessToken").getAsString();
            }
        } catch (NoSuchFileException e) {
            throw new AccessDeniedException("there is no AWS SSO sign-in for profile " + profile + "; " + loginHint, e);
        } catch (IOException | RuntimeException e) {
            throw new AccessDeniedException("the AWS SSO token cache " + file + " cannot be read; " + loginHint, e);
        }
        if (!sessionForm || !renewable(token, clock)) {
            throw new AccessDeniedException("the AWS SSO sign-in of profile " + profile + " expired at " + expiresAt
                    + "; " + loginHint);
        }
        return renew(token, file, clock, oidc, loginHint, expiresAt);
    }

    private static boolean renewable(JsonObject token, Clock clock) {
        for (String field : new String[] {"refreshToken", "clientId", "clientSecret", "registrationExpiresAt"}) {
            if (!token.has(field) || token.get(field).isJsonNull()) {
                return false;
            }
        }
        try {
            return clock.instant().isBefore(Instant.parse(token.get("registrationExpiresAt").getAsString()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String renew(JsonObject token, Path file, Clock clock, Supplier<SsoOidcClient> oidc, String loginHint,
                         Instant expiredAt) {
        CreateTokenResponse renewed;
        try {
            renewed = oidc.get().createToken(CreateTokenRequest.builder()
                    .grantType("refresh_token")
                    .clientId(token.get("clientId").getAsString())
                    .clientSecret(token.get("clientSecret").getAsString())
                    .refreshToken(token.get("refreshToken").getAsString())
                    .build());
        } catch (SdkException e) {
            throw new AccessDeniedException("the AWS SSO sign-in of profile " + profile + " expired at " + expiredAt
                    + " and could not be renewed (" + AwsErrors.serviceMessage(e) + "); " + loginHint, e);
        }
        token.addProperty("accessToken", renewed.accessToken());
        token.addProperty("expiresAt", clock.instant().plusSeconds(renewed.expiresIn()).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        if (renewed.refreshToken() != null) {
            token.addProperty("refreshToken", renewed.refreshToken());
        }
        try {
            Path temp = Files.createTempFile(file.getParent(), ".token-", ".tmp", PrivateFiles.ownerOnlyFile());
            try {
                Files.writeString(temp, token.toString(), StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // the renewed token still serves this command; the next one renews again
        }
        return renewed.accessToken();
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
