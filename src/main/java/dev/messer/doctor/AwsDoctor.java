package dev.messer.doctor;

import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.aws.AwsBackend;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsIdentity;
import dev.messer.aws.AwsService;
import dev.messer.aws.setup.BucketHardening;
import dev.messer.aws.setup.MasterKeyAlias;
import dev.messer.config.AwsSettings;
import dev.messer.config.Settings;
import dev.messer.config.Sourced;
import dev.messer.error.AccessDeniedException;
import dev.messer.aws.policy.PolicyRole;
import dev.messer.error.Hint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The aws checks of {@code messer doctor}: settings, region, credentials (and role), both buckets
 * (present, and hardened as {@code messer setup aws} leaves them), the KMS alias, a test wrap/unwrap
 * and the latest version of every data key.
 */
public final class AwsDoctor {

    private static final Hint.Run SETUP = Hint.aws("setup");

    /** The words {@code doctor aws --role} takes. */
    public static final List<String> ROLES = Arrays.stream(PolicyRole.values()).map(PolicyRole::word).toList();

    private AwsDoctor() {
    }

    /**
     * Adds the aws checks after a passed "config" check that produced {@code settings}.
     *
     * @param roleWord one of {@link #ROLES}, whose key policy grants are checked too, or null
     */
    public static void check(Checklist list, Settings settings, Sessions sessions, Map<String, String> env,
                             String roleWord) {
        PolicyRole role = roleWord == null ? null : PolicyRole.fromWord(roleWord).orElseThrow(() ->
                new IllegalArgumentException("not a role: " + roleWord));
        List<Session<AwsBackend>> opened = new ArrayList<>(1);
        try {
            list.check("aws settings", () -> {
                opened.add(sessions.aws(settings));
                AwsSettings aws = RegionSetupAudit.home(settings).aws();
                return "secrets_bucket " + aws.secretsBucket().value() + ", keys_bucket " + aws.keysBucket().value()
                        + ", master_key " + aws.masterKey().value();
            }, "config");
            if (opened.isEmpty()) {
                return;
            }
            Session<AwsBackend> session = opened.get(0);
            AwsClientFactory clients = session.backend().clients();
            list.check("region", () -> clients.region().id(), "aws settings");
            AwsSettings aws = RegionSetupAudit.home(settings).aws();
            list.check("transport", () -> transport(aws, env), "aws settings");
            String credentialsCheck = aws.role().arn().isPresent() ? "credentials and role" : "credentials";
            list.check(credentialsCheck, () -> credentials(clients), "region");
            boolean plainHttp = clients.endpoint(AwsService.S3).filter(u -> "http".equals(u.getScheme())).isPresent();
            BucketHardening hardening = new BucketHardening(clients.s3(), clients.region(),
                    aws.sseKmsKeyId(), !plainHttp);
            list.check("secrets bucket", () -> bucket(hardening, aws.secretsBucket().value(), !plainHttp), credentialsCheck);
            list.check("keys bucket", () -> bucket(hardening, aws.keysBucket().value(), !plainHttp), credentialsCheck);
            list.check("endpoints", () -> AwsKeyDoctor.endpoints(clients), "region");
            list.check("master key alias", () -> MasterKeyAlias.check(clients.kms(), aws.masterKey().value(),
                    clients.region().id()), credentialsCheck);
            AwsKeyDoctor.check(list, settings, clients, role, "master key alias");
            list.check("wrap/unwrap", () -> KeyProbe.wrapUnwrap(session.backend().masterKey(), settings.common().tier()),
                    "master key alias");
            list.check("data keys", () -> KeyProbe.latestKeysUnwrap(session), "wrap/unwrap");
            list.check("key versions", () -> KeyProbe.rollbackSuspects(session), "keys bucket");
            list.check("item formats", () -> KeyProbe.itemFormats(session), "secrets bucket");
            list.check("key tiers", () -> AwsKeyDoctor.versionsWithoutTier(session.keyRing(), settings), "data keys");
            list.check("recovery wraps", () -> RecoveryAudit.recoveryWraps(session), "keys bucket");
            list.check("old master keys", () -> RecoveryAudit.recordedMasterKeys(session, name ->
                    MasterKeyAlias.check(clients.kms(), name, clients.region().id())), "keys bucket");
            RegionSetupAudit.check(list, settings, sessions, credentialsCheck);
            RegionDriftAudit.check(list, session, Clock.systemUTC(), credentialsCheck);
        } finally {
            opened.forEach(Session::close);
        }
    }

    /** Warns about plain-HTTP endpoints: buckets set up by messer refuse requests without TLS. */
    private static String transport(AwsSettings settings, Map<String, String> env) {
        List<String> plain = new ArrayList<>();
        for (Sourced<String> endpoint : settings.endpoints().ofDataServices()) {
            endpoint.optional().filter(url -> url.startsWith("http://"))
                    .ifPresent(url -> plain.add(endpoint.name() + " " + url));
        }
        for (String name : List.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_KMS")) {
            String url = env.get(name);
            if (url != null && url.startsWith("http://")) {
                plain.add(name + " " + url);
            }
        }
        if (!plain.isEmpty()) {
            throw new Checklist.Warning("plain HTTP: " + String.join(", ", plain) + "; buckets set up by 'messer setup "
                    + "aws' refuse object requests without TLS", Hint.text("use https:// endpoints outside of test "
                    + "emulators"));
        }
        return "HTTPS";
    }

    /** Where the credentials come from, who AWS says the caller is, and when the session ends. */
    private static String credentials(AwsClientFactory clients) {
        AwsIdentity identity = clients.identity();
        String source = identity.source();
        String arn = identity.callerArn();
        String expiry = identity.expiry().map(at -> "session expires " + at).orElse("long-term keys, no expiry");
        return source + "; caller " + arn + "; " + expiry;
    }

    private static String bucket(BucketHardening hardening, String bucket, boolean tlsPolicy) {
        BucketHardening.Review review;
        try {
            review = hardening.review(bucket);
        } catch (AccessDeniedException e) {
            throw new Checklist.Warning("s3://" + bucket + " is usable, but its settings cannot be read with these "
                    + "credentials", Hint.of("run {} with admin credentials to check them", Hint.aws("doctor")));
        }
        if (review.fixable().equals(List.of("the bucket does not exist"))) {
            throw new Checklist.Failure("s3://" + bucket + " does not exist",
                    Hint.of("run {} with admin credentials to create it", SETUP));
        }
        if (!review.broadGrants().isEmpty()) {
            throw new Checklist.Failure("s3://" + bucket + ": " + String.join(", ", review.all()), review.fixable().isEmpty()
                    ? Hint.text(BucketHardening.BROAD_GRANTS_FIX)
                    : Hint.of("run {} with admin credentials, and {}", SETUP, BucketHardening.BROAD_GRANTS_FIX));
        }
        if (!review.fixable().isEmpty()) {
            throw new Checklist.Failure("s3://" + bucket + ": " + String.join(", ", review.fixable()),
                    Hint.of("run {} with admin credentials", SETUP));
        }
        return "s3://" + bucket + " (public access blocked, SSE-KMS, versioning"
                + (tlsPolicy ? ", TLS only)" : "; TLS-only policy not required over plain HTTP)");
    }
}
