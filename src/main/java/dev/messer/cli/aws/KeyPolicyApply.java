package dev.messer.cli.aws;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.aws.setup.MasterKeySetup;
import dev.messer.cli.Confirm;
import dev.messer.cli.Console;
import dev.messer.cli.LineDiff;
import java.util.List;

/**
 * {@code setup aws --apply-key-policy}: shows the difference between the key policy in force and
 * the wanted one, asks for confirmation (unless {@code --no-prompt}), then replaces it with KMS's
 * lock-out safety check on.
 */
final class KeyPolicyApply {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private KeyPolicyApply() {
    }

    /** @return false when the user declined */
    static boolean run(Console console, MasterKeySetup keys, String keyId, JsonObject wanted, boolean noPrompt) {
        String current = PRETTY.toJson(JsonParser.parseString(keys.policy(keyId)));
        List<String> diff = LineDiff.of(List.of(current.split("\n")), List.of(PRETTY.toJson(wanted).split("\n")));
        if (!LineDiff.changes(diff)) {
            console.data("master key policy: already the wanted policy");
            return true;
        }
        console.data("master key policy of " + keys.alias() + " (key " + keyId + "), - now, + after:");
        diff.forEach(console::data);
        if (!noPrompt && !Confirm.ask(console, "Replace the key policy of " + keys.alias() + "?",
                "refusing to replace the key policy without confirmation: there is no terminal to ask on; add "
                        + "--no-prompt to replace it anyway")) {
            console.error("messer: the key policy of " + keys.alias() + " was left unchanged");
            return false;
        }
        keys.putPolicy(keyId, wanted);
        console.data("master key policy: applied (" + KmsKeyPlan.sids(wanted) + ")");
        return true;
    }
}
