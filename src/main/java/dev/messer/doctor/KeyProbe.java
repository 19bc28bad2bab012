package dev.messer.doctor;

import dev.messer.app.Session;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.Bags;
import dev.messer.databag.ItemService;
import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.masterkey.MasterKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The key checks both providers share: a test wrap/unwrap with the master key, and the data keys. */
public final class KeyProbe {

    private KeyProbe() {
    }

    /** Generates a data key under a test context and unwraps it again. */
    public static String wrapUnwrap(MasterKey masterKey) {
        return wrapUnwrap(masterKey, "");
    }

    /**
     * As {@link #wrapUnwrap(MasterKey)}, with {@code messer:tier} in the test context, so that a key
     * policy scoped to the tier lets the probe through.
     */
    @SuppressWarnings("try") // the unwrapped key is only closed, which wipes it: the unwrap is the test
    public static String wrapUnwrap(MasterKey masterKey, String tier) {
        EncryptionContext base = EncryptionContext.of(Map.of("messer:doctor", "wrap-test"));
        EncryptionContext context = tier.isEmpty() ? base : base.with(KeyRing.CONTEXT_TIER, tier);
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
            session.dataKeys().forReading(latest).close();
            shown.add(latest.toString());
        }
        if (shown.isEmpty()) {
            throw new Checklist.Passed("no data keys yet", Hint.of("create one with {}",
                    Hint.command("encryption create", "KEY_NAME")));
        }
        return "latest versions unwrap: " + String.join(", ", shown);
    }

    /** Context-less versions numbered above bound ones: what a rollback through the keys bucket looks like. */
    public static String rollbackSuspects(Session<?> session) {
        List<KeyRef> suspects = KeyAudits.rollbackSuspects(session.keyRing());
        if (suspects.isEmpty()) {
            return "no version lacks the encryption context that a lower version of its key has";
        }
        KeyRef first = suspects.get(0);
        throw new Checklist.Failure(suspects.stream().map(KeyRef::toString).collect(Collectors.joining(", "))
                + " ha" + (suspects.size() == 1 ? "s" : "ve") + " no encryption context although a lower version has one"
                + " (a possible rollback; messer will not write with it)",
                Hint.of("find out who wrote it, then delete it: {}", Hint.command("encryption delete", first.name(),
                        String.valueOf(first.version()))));
    }

    /**
     * How many items in the profile's tier and folder are still in format 1, and whether
     * {@code min_item_format = 2} can be set. Reads every item once.
     */
    public static String itemFormats(Session<?> session) {
        int min = session.settings().common().minItemFormat();
        if (min >= 2) {
            return "min_item_format = " + min + ": format-1 items are refused";
        }
        if (session.items().writeVersion() == EnvelopeVersion.V1) {
            return "item_format = 1: items are written in format 1, as Messer reads them";
        }
        long format1 = format1Items(session.bags(), session.items());
        if (format1 > 0) {
            throw new Checklist.Passed(format1 + " item" + (format1 == 1 ? " is" : "s are") + " still in format 1",
                    Hint.of("upgrade with {}, then set min_item_format = 2", Hint.command("bulk re-encrypt")));
        }
        throw new Checklist.Warning("no item in " + describe(session) + " is in format 1, but min_item_format = 1 "
                + "still accepts one copied over a bound item",
                Hint.of("run {}", Hint.command("configure", "--min-item-format", "2")));
    }

    /** How many items are in format 1, each read as the listing hands it out (no list of items is kept). */
    static long format1Items(Bags bags, ItemService items) {
        long[] format1 = new long[1];
        bags.forEachItem((bag, id) -> {
            if (isFormat1(items, bag, id)) {
                format1[0]++;
            }
        });
        return format1[0];
    }

    private static boolean isFormat1(ItemService items, String bag, String id) {
        try {
            return items.find(bag, id).map(read -> EnvelopeCodec.decode(read.item().encryptedData()).version()
                    == EnvelopeVersion.V1).orElse(false);
        } catch (MesserException e) {
            return false;
        }
    }

    private static String describe(Session<?> session) {
        String prefix = session.layout().bagsPrefix();
        return session.backend().secrets().describe() + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
