package dev.messer.estate;

import dev.messer.error.Hint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit's rules, over one tier's counts. Each fix names the profile with {@code --profile} when
 * the tier has a named profile, so that it reaches that tier whichever tier the user runs it from.
 */
public final class Findings {

    private Findings() {
    }

    public static List<Finding> of(TierInventory tier, Duration maxKeyAge, Instant now) {
        List<Finding> found = new ArrayList<>();
        TierSource source = tier.source();
        String profile = source.label();
        for (KeyVersionInfo v : tier.keyVersions()) {
            boolean old = v.age(now).compareTo(maxKeyAge) > 0;
            if (old && v.latest()) {
                found.add(new Finding(Finding.Kind.KEY_VERSION_TOO_OLD, profile, v.label(), v.label() + " was created "
                        + Counts.of(days(v.age(now)), "day") + " ago, more than the " + days(maxKeyAge) + " allowed",
                        Hint.of("add a version with {}, then re-seal the items on it with {}",
                                run(source, "encryption increment", v.name()), run(source, "bulk re-encrypt"))));
            } else if (old && v.items() > 0) {
                found.add(new Finding(Finding.Kind.KEY_VERSION_TOO_OLD, profile, v.label(), v.label() + " was created "
                        + Counts.of(days(v.age(now)), "day") + " ago, more than the " + days(maxKeyAge) + " allowed, and still seals "
                        + items(v.items()), Hint.of("re-seal them on the latest version with {}",
                        run(source, "bulk re-encrypt"))));
            }
            if (!v.latest() && v.items() > 0) {
                found.add(new Finding(Finding.Kind.ITEMS_NOT_ON_LATEST, profile, v.label(), items(v.items())
                        + " sealed with " + v.label() + ", not with the latest version of " + v.name(),
                        Hint.of("re-seal them with {}", run(source, "bulk re-encrypt"))));
            }
            if (!v.latest() && v.items() == 0) {
                found.add(new Finding(Finding.Kind.UNUSED_KEY_VERSION, profile, v.label(), v.label()
                        + " seals no current item", Hint.of("delete it with {} (it refuses a version that kept "
                        + "versions of items still need)", run(source, "encryption delete", v.name(),
                        Integer.toString(v.version())))));
            }
        }
        long format1 = tier.itemsInFormat(1);
        if (format1 > 0) {
            Hint fix = source.itemFormat() >= 2 ? Hint.of("re-seal them in format 2 with {}", run(source, "bulk re-encrypt"))
                    : Hint.of("write format 2 with {}, then re-seal them with {} (readers need messer, not Python "
                    + "Messer)", run(source, "configure", "--item-format", "2"), run(source, "bulk re-encrypt"));
            found.add(new Finding(Finding.Kind.FORMAT_1_ITEMS, profile, items(format1), items(format1)
                    + " in the unbound item format 1, which does not tie an item to its bag and id", fix));
        }
        if (source.minItemFormat() < 2) {
            found.add(new Finding(Finding.Kind.MIN_ITEM_FORMAT_1, profile, profile, "profile " + profile
                    + " opens format-1 items (min_item_format = 1), so a moved or relabelled format-1 item is accepted",
                    Hint.of((format1 > 0 ? "once no format-1 item is left, " : "") + "refuse them with {}",
                            run(source, "configure", "--min-item-format", "2"))));
        }
        return found;
    }

    private static Hint.Run run(TierSource source, String words, String... arguments) {
        if (source.profile() == null) {
            return Hint.command(words, arguments);
        }
        String[] withProfile = java.util.Arrays.copyOf(arguments, arguments.length + 2);
        withProfile[arguments.length] = "--profile";
        withProfile[arguments.length + 1] = source.profile();
        return Hint.command(words, withProfile);
    }

    static long days(Duration duration) {
        return duration.toDays();
    }

    private static String items(long count) {
        return Counts.of(count, "item");
    }
}
