package dev.messer.aws.policy;

/**
 * What a policy grants access to, from a profile's settings.
 *
 * @param partition       {@code aws}, {@code aws-cn}, ...
 * @param region          the region, or {@code *}
 * @param account         the account id, or {@code *}
 * @param secretsBucket   the secrets bucket
 * @param tierPrefix      {@code tier/} or {@code tier/folder/} (empty: the whole bucket)
 * @param keysBucket      the keys bucket
 * @param masterKeyAlias  {@code alias/<master_key>}
 * @param masterKeyArn    the master key's ARN when known (then the alias condition is not needed), or null
 * @param sseKmsKey       the {@code sse_kms_key_id} setting, or null
 */
public record PolicyTarget(String partition, String region, String account, String secretsBucket, String tierPrefix,
                           String keysBucket, String masterKeyAlias, String masterKeyArn, String sseKmsKey) {
}
