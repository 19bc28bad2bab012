package dev.messer.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * A least-privilege IAM policy for one tier of messer on AWS (the statements of {@code docs/aws.md}):
 * the keys bucket, the tier's prefix in the secrets bucket, the master key (by ARN when known, else
 * any key of the account that carries the profile's alias) for requests whose encryption context
 * is the tier's ({@link ContextConditions}), S3 server-side encryption when the profile asks for
 * it, and a deny of every request not made over TLS.
 */
public final class IamPolicy {

    private IamPolicy() {
    }

    public static JsonObject of(PolicyRole role, PolicyTarget target) {
        JsonArray statements = new JsonArray();
        String keysBucket = "arn:" + target.partition() + ":s3:::" + target.keysBucket();
        String secretsBucket = "arn:" + target.partition() + ":s3:::" + target.secretsBucket();
        List<String> itemActions = switch (role) {
            case READER -> List.of("s3:GetObject", "s3:GetObjectVersion");
            case WRITER -> List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject");
            case ADMIN -> List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject",
                    "s3:DeleteObjectVersion");
        };
        List<String> keyActions = role == PolicyRole.ADMIN ? List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject")
                : List.of("s3:GetObject");

        statements.add(statement("KeysBucketList", "Allow", List.of("s3:ListBucket"), List.of(keysBucket), null));
        statements.add(statement("KeysBucketObjects", "Allow", keyActions, List.of(keysBucket + "/*"), null));
        statements.add(statement("TierList", "Allow", List.of("s3:ListBucket", "s3:ListBucketVersions"), List.of(secretsBucket),
                target.tierPrefix().isEmpty() ? null : PolicyValues.condition("StringLike", "s3:prefix",
                        List.of(target.tierPrefix(), target.tierPrefix() + "*"))));
        statements.add(statement("TierObjects", "Allow", itemActions,
                List.of(secretsBucket + "/" + target.tierPrefix() + "*"), null));
        List<String> masterActions = switch (role) {
            case ADMIN -> KeyPolicy.ADMIN_CRYPTO_ACTIONS;
            case WRITER, READER -> KeyPolicy.UNWRAP_ACTIONS;
        };
        JsonObject context = new JsonObject();
        target.context().addTo(context);
        statements.add(keyStatement("MasterKey", masterActions, target.masterKeyArn(), target.masterKeyAlias(), target,
                context.size() == 0 ? null : context));
        if (role == PolicyRole.ADMIN) {
            statements.add(keyStatement("MasterKeyDescribe", List.of("kms:DescribeKey"), target.masterKeyArn(),
                    target.masterKeyAlias(), target, null));
        }
        if (target.sseKmsKey() != null) {
            List<String> sseActions = role == PolicyRole.READER ? List.of("kms:Decrypt")
                    : List.of("kms:GenerateDataKey", "kms:Decrypt");
            String key = target.sseKmsKey();
            String arn = key.startsWith("arn:") ? key : key.startsWith("alias/") ? null : keyArn(target, key);
            statements.add(keyStatement("BucketEncryptionKey", sseActions, arn, key.startsWith("alias/") ? key : null,
                    target, PolicyValues.condition("StringEquals", "kms:ViaService", List.of("s3." + target.region() + ".amazonaws.com"))));
        }
        statements.add(statement("TlsOnly", "Deny", List.of("s3:*", "kms:*"), List.of("*"),
                PolicyValues.condition("Bool", "aws:SecureTransport", List.of("false"))));
        JsonObject policy = new JsonObject();
        policy.addProperty("Version", "2012-10-17");
        policy.add("Statement", statements);
        return policy;
    }

    private static JsonObject keyStatement(String sid, List<String> actions, String arn, String alias,
                                           PolicyTarget target, JsonObject extraCondition) {
        if (arn != null) {
            return statement(sid, "Allow", actions, List.of(arn), extraCondition);
        }
        JsonObject condition = PolicyValues.condition("ForAnyValue:StringEquals", "kms:ResourceAliases", List.of(alias));
        if (extraCondition != null) {
            extraCondition.entrySet().forEach(e -> condition.add(e.getKey(), e.getValue()));
        }
        return statement(sid, "Allow", actions, List.of(keyArn(target, "*")), condition);
    }

    private static String keyArn(PolicyTarget target, String keyId) {
        return "arn:" + target.partition() + ":kms:" + target.region() + ":" + target.account() + ":key/" + keyId;
    }

    private static JsonObject statement(String sid, String effect, List<String> actions, List<String> resources,
                                        JsonObject condition) {
        JsonObject statement = new JsonObject();
        statement.addProperty("Sid", sid);
        statement.addProperty("Effect", effect);
        statement.add("Action", PolicyValues.array(actions));
        statement.add("Resource", PolicyValues.array(resources));
        if (condition != null) {
            statement.add("Condition", condition);
        }
        return statement;
    }
}
