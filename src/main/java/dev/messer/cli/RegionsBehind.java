package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.regions.Behind;
import java.util.List;

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
        behind.regions().forEach((region, reason) -> context.console().error(context.hints().forProvider(providerWord)
                .message("messer: region " + region + " is behind: " + reason, Hint.of("bring it up to date with {}",
                        Hint.command("encryption sync")))));
        return behind.isEmpty() ? ExitCodes.OK : ExitCodes.REGIONS_BEHIND;
    }
}
