package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.config.Setting;
import java.util.Map;

/** {@code --region R}: reads of a profile that spans regions go to that region alone. */
final class RegionOption {

    @Parameter(names = "--region", description = "Read from this region of the profile's regions only (no fail-over)")
    String region;

    /** The settings this option gives: {@code region} from the command line, or none. */
    Map<Setting, String> flags() {
        return region == null ? Map.of() : Map.of(Setting.REGION, region);
    }
}
