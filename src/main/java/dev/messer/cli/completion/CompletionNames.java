package dev.messer.cli.completion;

import dev.messer.app.Session;
import dev.messer.cli.CommandContext;
import dev.messer.cli.TimeLimit;
import dev.messer.config.IniFile;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.names.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code messer completion names profiles|aws|local [BAG]}: the names the completion script offers,
 * one a line. It never prompts (no MFA code, no passphrase), never creates the configuration file,
 * gives up after a short time, and prints nothing where it cannot list; listings are cached for a
 * minute.
 */
final class CompletionNames {

    static final String PROFILES = "profiles";

    private final CommandContext context;
    private final Duration timeLimit;

    CompletionNames(CommandContext context, Duration timeLimit) {
        this.context = context;
        this.timeLimit = timeLimit;
    }

    /** The valid names for what {@code words} asks ({@code profiles}, or a provider and an optional bag). */
    List<String> names(List<String> words) {
        Path config = context.configPath();
        if (words.isEmpty() || words.size() > 2 || !Files.isRegularFile(config)) {
            return List.of();
        }
        String what = words.get(0);
        String bag = words.size() == 2 ? words.get(1) : null;
        if (bag != null && !Names.isValid(bag) || !what.equals(PROFILES) && Provider.fromWord(what) == null) {
            return List.of();
        }
        CompletionNameCache cache = new CompletionNameCache(CompletionNameCache.folder(context.console().env()));
        Path file = cache.file(config, context.profileName(), what, bag);
        List<String> names = cache.read(file, Instant.now())
                .or(() -> TimeLimit.within(timeLimit, () -> list(config, what, bag)).map(listed -> {
                    store(cache, file, listed);
                    return listed;
                }))
                .orElse(List.of());
        return names.stream().filter(Names::isValid).toList();
    }

    private static void store(CompletionNameCache cache, Path file, List<String> names) {
        try {
            cache.write(file, names.stream().filter(Names::isValid).toList());
        } catch (Exception e) {
            // without a cache the next completion lists again
        }
    }

    private List<String> list(Path config, String what, String bag) {
        IniFile ini = IniFile.load(config);
        if (what.equals(PROFILES)) {
            return ini.profiles();
        }
        Provider provider = Provider.fromWord(what);
        Settings settings = context.resolver().resolve(ini, provider, context.common().profile, Map.of());
        try (Session<?> session = context.sessionsWithoutPrompts().open(settings)) {
            return bag == null ? session.bags().listBags() : session.bags().listItems(bag);
        }
    }
}
