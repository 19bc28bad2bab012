package dev.messer.aws;

/** The AWS services the tool talks to, with the names their endpoint settings and variables use. */
public enum AwsService {
    S3, KMS, STS, SSO, SSO_OIDC, IAM;

    /** {@code AWS_ENDPOINT_URL_S3}: the SDK's per-service endpoint variable. */
    String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + name();
    }
}
