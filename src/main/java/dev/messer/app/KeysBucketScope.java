package dev.messer.app;

import dev.messer.bulk.KeyScope;
import dev.messer.config.IniFile;
import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.error.MesserException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scope of a key deletion from one profile's keys bucket. Items do not record which keys bucket
 * sealed them, and tiers may share a keys bucket (local tiers often share one folder), so an item
 * counts unless a profile of the same configuration file maps its tier and folder, in the same
 * secrets bucket, to another keys bucket, and no profile (the deleting one included) maps them to
 * this one. Each profile is resolved as a command with it would be (environment variables apply);
 * one that cannot be resolved or opened maps nothing, so its items count.
 */
public final class KeysBucketScope {

    private KeysBucketScope() {
    }

    public static KeyScope of(Session<?> deleting, IniFile file, SettingsResolver resolver, Sessions sessions) {
        String secrets = deleting.backend().secrets().describe();
        String keys = deleting.backend().keys().describe();
        Set<String> ours = new HashSet<>(Set.of(deleting.layout().bagsPrefix()));
        Map<String, String> elsewhere = new TreeMap<>();
        for (String profile : file.profiles()) {
            try {
                Settings settings = resolver.resolve(file, deleting.settings().provider(), profile, Map.of());
                try (Session<?> other = sessions.open(settings)) {
                    if (!other.backend().secrets().describe().equals(secrets)) {
                        continue;
                    }
                    String prefix = other.layout().bagsPrefix();
                    String otherKeys = other.backend().keys().describe();
                    if (otherKeys.equals(keys)) {
                        ours.add(prefix);
                    } else {
                        elsewhere.putIfAbsent(prefix, "whose keys profile " + profile + " keeps in " + otherKeys);
                    }
                }
            } catch (MesserException e) {
                // a profile for the other provider, or one that cannot be opened, maps nothing
            }
        }
        ours.forEach(elsewhere::remove);
        return new KeyScope(elsewhere);
    }
}
