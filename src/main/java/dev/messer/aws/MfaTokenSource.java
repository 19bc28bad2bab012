package dev.messer.aws;

/** Supplies an MFA token code when a role is assumed with {@code mfa_serial}. */
@FunctionalInterface
public interface MfaTokenSource {

    /** @param serial the MFA device ARN, for the prompt */
    String tokenFor(String serial);
}
