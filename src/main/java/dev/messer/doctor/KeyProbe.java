package dev.messer.doctor;

import dev.messer.app.Session;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.keys.KeyRef;
import dev.messer.masterkey.MasterKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The key checks both providers share: a test wrap/unwrap with the master key, and the data keys. */
public final class KeyProbe {

    private KeyProbe() {
    }

    /** Generates a data key under a test context and unwraps it again. */
    public static String wrapUnwrap(MasterKey masterKey) {
        EncryptionContext context = EncryptionContext.of(Map.of("messer:doctor", "wrap-test"));
        byte[] wrapped = masterKey.generateWrappedDataKey(context);
        try (DataKey key = masterKey.unwrap(wrapped, context)) {
            return "a test data key was wrapped and unwrapped by " + masterKey.describe();
        }
    }

    /** Unwraps the latest version of every data key. */
    public static String latestKeysUnwrap(Session<?> session) {
        List<String> shown = new ArrayList<>();
        for (String name : session.keyRing().names()) {
            KeyRef latest = new KeyRef(name, session.keyRing().latest(name));
            session.dataKeys().get(latest);
            shown.add(latest.toString());
        }
        return shown.isEmpty() ? "no data keys yet (create one with 'messer encryption create <provider> KEY_NAME')"
                : "latest versions unwrap: " + String.join(", ", shown);
    }

}
