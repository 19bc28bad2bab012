package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.regions.Behind;
import java.util.List;
import java.util.Set;

/** What the command line says about a data-key change in a profile that spans regions. */
final class RegionsBehind {

    private RegionsBehind() {
    }

    /** " and in every region (...)" when the profile spans regions, else "". */
    static String copies(Session<?> session) {
        List<String> regions = session.settings().regions();
        return regions.isEmpty() ? "" : ", then in its other regions (" + String.join(" ", regions.subList(1,
                regions.size())) + "), each wrapped by that region's master key";
    }

    /**
     * One line per region left behind, on stderr also with --silent.
     *
     * @return {@link ExitCodes#REGIONS_BEHIND} if any region is behind, else {@link ExitCodes#OK}
     */
    static int report(CommandContext context, String providerWord, Behind<?> behind) {
        return report(context, providerWord, behind, Set.of(), "");
    }

    /**
     * As {@link #report(CommandContext, String, Behind)}, where the regions in {@code differing} hold
     * other keys under the home region's version numbers: sync cannot repair those, so their line
     * points to {@code bulk sync --from HOME}, which replaces their items too.
     */
    static int report(CommandContext context, String providerWord, Behind<?> behind, Set<String> differing,
                      String home) {
        Hints hints = context.hints().forProvider(providerWord);
        behind.regions().forEach((region, reason) -> context.console().error(differing.contains(region)
                ? hints.message("messer: region " + region + " holds other data keys than the home region under the "
                        + "same numbers: " + reason, Hint.of("make it match the home region, its items included, with {}",
                                Hint.aws("bulk sync", "--from", home, "--dry-run")))
                : hints.message("messer: region " + region + " is behind: " + reason, Hint.of("bring it up to date with {}",
                        Hint.command("encryption sync")))));
        return behind.isEmpty() ? ExitCodes.OK : ExitCodes.REGIONS_BEHIND;
    }
}
