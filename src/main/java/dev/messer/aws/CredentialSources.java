package dev.messer.aws;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Finds the caller's own credentials, in the order of the AWS SDK's default chain, and builds
 * every provider here so that messer's endpoint, timeout and retry settings apply to the STS and
 * SSO calls behind them:
 * <ol>
 *   <li>{@code aws_profile} when set: that profile only;
 *   <li>{@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}[/{@code AWS_SESSION_TOKEN}];
 *   <li>the Java system properties {@code aws.accessKeyId}/{@code aws.secretAccessKey};
 *   <li>web identity: {@code AWS_WEB_IDENTITY_TOKEN_FILE} + {@code AWS_ROLE_ARN};
 *   <li>the profile {@code AWS_PROFILE} (or {@code default}, when it exists);
 *   <li>container credentials ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}/{@code _RELATIVE_URI});
 *   <li>the EC2 instance profile, unless {@code AWS_EC2_METADATA_DISABLED=true}.
 * </ol>
 * A profile may hold access keys, {@code credential_process}, SSO (both forms), web identity, or
 * {@code role_arn} with {@code source_profile} or {@code credential_source}; a role chain is
 * resolved here, with {@code mfa_serial} and the session cache, which the SDK's own profile
 * provider does not offer.
 */
final class CredentialSources {

    /** The clients the sources need, made by the factory with messer's settings. */
    interface Clients {
        StsClient sts(AwsCredentialsProvider credentials);

        SsoClient sso(String region);

        SsoOidcClient ssoOidc(String region);

        void closeWithFactory(SdkAutoCloseable closeable);
    }

    private static final int MAX_CHAIN = 8;

    private final AwsEnvironment env;
    private final Clients clients;
    private final MfaTokenSource mfa;
    private final Optional<SessionCache> cache;
    private final Clock clock;
    private ProfileFile files;

    CredentialSources(AwsEnvironment env, Clients clients, MfaTokenSource mfa, Optional<SessionCache> cache, Clock clock) {
        this.env = env;
        this.clients = clients;
        this.mfa = mfa;
        this.cache = cache;
        this.clock = clock;
    }

    /** The caller's credentials: {@code awsProfile} when set, else the default order. */
    CredentialSource base(Optional<String> awsProfile) {
        if (awsProfile.isPresent()) {
            return profile(awsProfile.get(), new ArrayList<>());
        }
        Optional<String> accessKey = env.get("AWS_ACCESS_KEY_ID");
        Optional<String> secretKey = env.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            Optional<String> token = env.get("AWS_SESSION_TOKEN");
            return new CredentialSource("environment (AWS_ACCESS_KEY_ID)", StaticCredentialsProvider.create(
                    token.isPresent() ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token.get())
                            : AwsBasicCredentials.create(accessKey.get(), secretKey.get())),
                    () -> SessionCache.accessKeyIdentity(accessKey.get()), "check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        if (System.getProperty("aws.accessKeyId") != null) {
            return keyed("Java system properties (aws.accessKeyId)", SystemPropertyCredentialsProvider.create(),
                    "check aws.accessKeyId and aws.secretAccessKey");
        }
        Optional<String> tokenFile = env.get("AWS_WEB_IDENTITY_TOKEN_FILE");
        Optional<String> roleArn = env.get("AWS_ROLE_ARN");
        if (tokenFile.isPresent() && roleArn.isPresent()) {
            return webIdentity("web identity (AWS_WEB_IDENTITY_TOKEN_FILE, role " + roleArn.get() + ")",
                    Path.of(tokenFile.get()), roleArn.get(), env.get("AWS_ROLE_SESSION_NAME"), null);
        }
        String profileName = env.profileName(Optional.empty());
        if (env.get("AWS_PROFILE").isPresent() || files().profile(profileName).isPresent()) {
            return profile(profileName, new ArrayList<>());
        }
        Optional<CredentialSource> container = container();
        if (container.isPresent()) {
            return container.get();
        }
        if (!env.metadataDisabled()) {
            return instanceProfile();
        }
        return new CredentialSource("nowhere", () -> {
            throw new ConfigException("no AWS credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                    + "or aws_profile (or AWS_PROFILE) naming a profile with credentials, SSO or credential_process");
        }, () -> "none", "");
    }

    /** {@code role} assumed with {@code base}, cached between commands when the cache is on. */
    RoleSession role(AssumedRole role, CredentialSource base) {
        return new RoleSession(role, base, clients::sts, mfa, cache);
    }

    // command(String): credential_process is one string in the AWS config file, and the SDK's own
    // profile provider runs it the same way; the list form would need messer to split it
    @SuppressWarnings("deprecation")
    private CredentialSource profile(String name, List<String> visited) {
        if (visited.contains(name) || visited.size() >= MAX_CHAIN) {
            throw new ConfigException("AWS profile " + name + " is part of a source_profile loop (" + String.join(" -> ", visited)
                    + " -> " + name + "); fix source_profile in the AWS config");
        }
        visited.add(name);
        Profile profile = files().profile(name).orElseThrow(() -> new ConfigException("AWS profile " + name
                + " is not in the AWS config or credentials file; check aws_profile and AWS_PROFILE, or run "
                + "'aws configure --profile " + name + "'"));
        Optional<String> roleArn = profile.property("role_arn");
        if (roleArn.isPresent()) {
            return profileRole(profile, roleArn.get(), visited);
        }
        Optional<SsoLogin> sso = SsoLogin.of(files(), profile);
        if (sso.isPresent()) {
            return sso(sso.get());
        }
        Optional<String> process = profile.property("credential_process");
        if (process.isPresent()) {
            ProcessCredentialsProvider provider = ProcessCredentialsProvider.builder()
                    .command(process.get())
                    .asyncCredentialUpdateEnabled(false)
                    .build();
            clients.closeWithFactory(provider);
            return CredentialSource.ofProfile(name, profileIdentity(name), "credential_process", provider,
                    "check the credential_process command of AWS profile " + name + " (run it by hand)");
        }
        if (profile.property("aws_access_key_id").isPresent()) {
            return CredentialSource.ofProfile(name, profileIdentity(name), "access keys",
                    ProfileCredentialsProvider.builder()
                    .profileFile(files()).profileName(name).build(), "check the keys of AWS profile " + name);
        }
        throw new ConfigException("AWS profile " + name + " has no credentials (no aws_access_key_id, sso_session, "
                + "credential_process or role_arn); run 'aws configure --profile " + name + "' or pick another profile");
    }

    private CredentialSource profileRole(Profile profile, String roleArn, List<String> visited) {
        String name = profile.name();
        Optional<String> tokenFile = profile.property("web_identity_token_file");
        if (tokenFile.isPresent()) {
            return webIdentity("AWS profile " + name + " (web identity, role " + roleArn + ")", Path.of(tokenFile.get()),
                    roleArn, profile.property("role_session_name"), profileIdentity(name));
        }
        CredentialSource base;
        String via;
        Optional<String> source = profile.property("source_profile");
        Optional<String> credentialSource = profile.property("credential_source");
        if (source.isPresent()) {
            base = source.get().equals(name) ? selfKeys(profile) : profile(source.get(), visited);
            via = "source_profile " + source.get();
        } else if (credentialSource.isPresent()) {
            base = credentialSource(name, credentialSource.get());
            via = "credential_source " + credentialSource.get();
        } else {
            throw new ConfigException("AWS profile " + name + " has role_arn but no source_profile, credential_source or "
                    + "web_identity_token_file; add one to the profile in the AWS config");
        }
        OptionalInt duration = OptionalInt.empty();
        Optional<String> seconds = profile.property("duration_seconds");
        if (seconds.isPresent()) {
            try {
                duration = OptionalInt.of(Integer.parseInt(seconds.get().trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException("duration_seconds of AWS profile " + name + " is '" + seconds.get()
                        + "'; it must be a number of seconds", e);
            }
        }
        AssumedRole role = new AssumedRole(roleArn, profile.property("role_session_name").orElse(AssumedRole.DEFAULT_SESSION_NAME),
                profile.property("external_id"), duration, profile.property("mfa_serial"));
        RoleSession session = role(role, base);
        return new CredentialSource("AWS profile " + name + " (role " + roleArn + " via " + via + ")", session,
                () -> profileIdentity(name), "check the role and its trust policy");
    }

    private CredentialSource selfKeys(Profile profile) {
        if (profile.property("aws_access_key_id").isEmpty()) {
            throw new ConfigException("AWS profile " + profile.name() + " is its own source_profile but has no "
                    + "aws_access_key_id; name another source_profile");
        }
        return CredentialSource.ofProfile(profile.name(), profileIdentity(profile.name()), "access keys",
                ProfileCredentialsProvider.builder()
                .profileFile(files()).profileName(profile.name()).build(), "check the keys of AWS profile " + profile.name());
    }

    private CredentialSource credentialSource(String profile, String kind) {
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "environment":
                return base(Optional.empty());
            case "ecscontainer":
                return container().orElseThrow(() -> new ConfigException("AWS profile " + profile + " takes "
                        + "credential_source EcsContainer, but AWS_CONTAINER_CREDENTIALS_FULL_URI and _RELATIVE_URI are not set"));
            case "ec2instancemetadata":
                return instanceProfile();
            default:
                throw new ConfigException("credential_source of AWS profile " + profile + " is '" + kind
                        + "'; use Environment, EcsContainer or Ec2InstanceMetadata");
        }
    }

    private CredentialSource sso(SsoLogin login) {
        SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
        SsoCredentialsProvider provider = builder
                .ssoClient(clients.sso(login.region()))
                .refreshRequest(() -> GetRoleCredentialsRequest.builder()
                        .accountId(login.accountId())
                        .roleName(login.roleName())
                        .accessToken(login.accessToken(env, clock, () -> clients.ssoOidc(login.region())))
                        .build())
                .asyncCredentialUpdateEnabled(false)
                .build();
        clients.closeWithFactory(provider);
        return CredentialSource.ofProfile(login.profile(), profileIdentity(login.profile()), "SSO, role "
                + login.roleName() + " in account "
                + login.accountId(), provider, "run 'aws sso login --profile " + login.profile() + "'");
    }

    /**
     * @param identity the cache identity, or null to use a hash of the access key id
     */
    private CredentialSource webIdentity(String description, Path tokenFile, String roleArn, Optional<String> sessionName,
                                         String identity) {
        StsAssumeRoleWithWebIdentityCredentialsProvider provider = StsAssumeRoleWithWebIdentityCredentialsProvider.builder()
                .stsClient(clients.sts(AnonymousCredentialsProvider.create()))
                .refreshRequest(() -> AssumeRoleWithWebIdentityRequest.builder()
                        .roleArn(roleArn)
                        .roleSessionName(sessionName.orElse(AssumedRole.DEFAULT_SESSION_NAME))
                        .webIdentityToken(readToken(tokenFile))
                        .build())
                .asyncCredentialUpdateEnabled(false)
                .build();
        clients.closeWithFactory(provider);
        String fix = "check the token file and that role " + roleArn + " trusts its issuer";
        return identity == null ? keyed(description, provider, fix)
                : new CredentialSource(description, provider, () -> identity, fix);
    }

    private static String readToken(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new ConfigException("the web identity token file " + file + " is empty; check that the CI job or pod "
                        + "writes the token there");
            }
            return token;
        } catch (IOException e) {
            throw new ConfigException("the web identity token file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check AWS_WEB_IDENTITY_TOKEN_FILE or web_identity_token_file", e);
        }
    }

    private Optional<CredentialSource> container() {
        Optional<String> full = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        Optional<String> relative = env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        if (full.isEmpty() && relative.isEmpty()) {
            return Optional.empty();
        }
        ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().asyncCredentialUpdateEnabled(false).build();
        clients.closeWithFactory(provider);
        return Optional.of(keyed("container credentials (" + full.map(u -> "AWS_CONTAINER_CREDENTIALS_FULL_URI " + u)
                        .orElse("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") + ")", provider,
                "check that the container credentials endpoint runs and AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE) is set"));
    }

    private CredentialSource instanceProfile() {
        InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
                .asyncCredentialUpdateEnabled(false).build();
        clients.closeWithFactory(provider);
        return keyed("EC2 instance profile", provider, "attach an instance profile, or set AWS_EC2_METADATA_DISABLED=true "
                + "and give credentials another way");
    }

    private static CredentialSource keyed(String description, AwsCredentialsProvider provider, String fix) {
        CredentialSource[] self = new CredentialSource[1];
        self[0] = new CredentialSource(description, provider,
                () -> SessionCache.accessKeyIdentity(self[0].resolveCredentials().accessKeyId()), fix);
        return self[0];
    }

    /**
     * Names a profile's credentials for the session cache: the profile with the files that hold it
     * ({@link AwsEnvironment#profileFilesIdentity}), as another config file may hold a profile of
     * the same name with other credentials or another role.
     */
    private String profileIdentity(String name) {
        return "profile:" + name + "\n" + env.profileFilesIdentity();
    }

    private ProfileFile files() {
        if (files == null) {
            files = env.profileFile();
        }
        return files;
    }
}
