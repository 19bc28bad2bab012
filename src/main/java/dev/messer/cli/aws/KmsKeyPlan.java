package dev.messer.cli.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.policy.ContextConditions;
import dev.messer.aws.policy.KeyPolicy;
import dev.messer.aws.policy.KeyPolicyRoles;
import dev.messer.aws.setup.MasterKeySetup;
import dev.messer.cli.Console;
import dev.messer.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code setup aws} wants of the profile's master key: description, tags ({@code messer:tier},
 * {@code --tag}) and key policy from the role flags. A key created without
 * any role flag gets a policy naming the account root and, as key administrator, the caller.
 */
final class KmsKeyPlan {

    private final Settings settings;
    private final KeyPolicyFlags flags;
    private final Map<String, String> extraTags;
    private final Console console;
    private final AwsClientFactory clients;

    KmsKeyPlan(Settings settings, KeyPolicyFlags flags, Map<String, String> extraTags, Console console,
                  AwsClientFactory clients) {
        this.settings = settings;
        this.flags = flags;
        this.extraTags = extraTags;
        this.console = console;
        this.clients = clients;
    }

    /**
     * @param keyArn   the existing key's ARN (names its account), or null before it is created
     * @param creating whether the key is about to be created
     */
    MasterKeySetup.Wanted wanted(String keyArn, boolean creating) {
        PolicyAccount account = PolicyAccount.resolve(settings.aws(), flags.account, keyArn, console, () -> clients);
        KeyPolicyRoles roles = flags.roles();
        if (creating && roles.isEmpty()) {
            roles = roles.withKeyAdmin(caller());
        }
        JsonObject policy = KeyPolicy.of(account.partition(), account.account(), roles,
                ContextConditions.forProfile(settings.common()), flags.requireMfa);
        return new MasterKeySetup.Wanted(description(), tags(), policy, account.partition(), account.account(),
                roles.keyAdmins(), flags.anyGiven());
    }

    /** The Sids of a policy's statements, comma-separated. */
    static String sids(JsonObject policy) {
        List<String> sids = new ArrayList<>();
        for (JsonElement statement : policy.getAsJsonArray("Statement")) {
            sids.add(statement.getAsJsonObject().get("Sid").getAsString());
        }
        return String.join(", ", sids);
    }

    /** Tags as {@code k=v, k2=v2}. */
    static String describe(Map<String, String> tags) {
        List<String> parts = new ArrayList<>();
        tags.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    private String description() {
        String tier = settings.common().tier();
        return "messer master key, " + (tier.isEmpty() ? "no tier" : "tier " + tier) + ", profile " + profile();
    }

    Map<String, String> tags() {
        Map<String, String> tags = MasterKeySetup.baseTags(settings.common());
        tags.putAll(extraTags);
        return tags;
    }

    private String profile() {
        return profile(settings);
    }

    private static String profile(Settings settings) {
        return settings.profileName() == null ? "default" : settings.profileName();
    }

    /** The caller as a key-policy principal: {@code role_arn}, else the STS identity (an assumed role as its role). */
    private String caller() {
        Optional<String> role = settings.aws().role().arn();
        if (role.isPresent()) {
            return role.get();
        }
        String arn = clients.callerIdentity().arn();
        int at = arn.indexOf(":assumed-role/");
        if (arn.startsWith("arn:") && at > 0) {
            String[] parts = arn.split(":", 6);
            String name = parts[5].substring("assumed-role/".length()).split("/")[0];
            return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + name;
        }
        return arn;
    }
}
