package dev.messer.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;

/**
 * The caller's own credentials, before any role is assumed. With {@code aws_profile}: that profile
 * of the shared files only. Otherwise the SDK's default order, read from the command's
 * environment: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN},
 * Java system properties, the profile {@code AWS_PROFILE} (or "default"), web identity, container
 * credentials, and the EC2 instance profile unless {@code AWS_EC2_METADATA_DISABLED=true}.
 */
final class BaseCredentials {

    private BaseCredentials() {
    }

    static AwsCredentialsProvider from(Optional<String> awsProfile, AwsEnvironment env) {
        if (awsProfile.isPresent()) {
            return ProfileCredentialsProvider.builder()
                    .profileFile(env.profileFile())
                    .profileName(awsProfile.get())
                    .build();
        }
        List<AwsCredentialsProvider> chain = new ArrayList<>();
        Optional<String> accessKey = env.get("AWS_ACCESS_KEY_ID");
        Optional<String> secretKey = env.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            Optional<String> token = env.get("AWS_SESSION_TOKEN");
            chain.add(StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get())));
        }
        chain.add(SystemPropertyCredentialsProvider.create());
        chain.add(ProfileCredentialsProvider.builder()
                .profileFile(env.profileFile())
                .profileName(env.profileName(Optional.empty()))
                .build());
        if (env.get("AWS_WEB_IDENTITY_TOKEN_FILE").isPresent() && env.get("AWS_ROLE_ARN").isPresent()) {
            chain.add(WebIdentityTokenFileCredentialsProvider.create());
        }
        if (env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()
                || env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            chain.add(ContainerCredentialsProvider.create());
        }
        if (!env.metadataDisabled()) {
            chain.add(InstanceProfileCredentialsProvider.create());
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(chain)
                .reuseLastProviderEnabled(true)
                .build();
    }
}
