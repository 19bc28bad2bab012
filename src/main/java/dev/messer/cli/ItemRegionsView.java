package dev.messer.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import dev.messer.names.Names;
import dev.messer.regions.ReplicaComparison;
import dev.messer.regions.ReplicaComparison.RegionCopy;
import dev.messer.store.BlobStore;
import dev.messer.store.LatestVersion;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code data bag show aws BAG ITEM --regions}: the item's newest version in each region of the
 * profile, from one listing of the item per region: its S3 version id (or missing, deleted), when it
 * was written, and whether it is the home region's. Metadata only: nothing is read or decrypted.
 */
final class ItemRegionsView {

    private ItemRegionsView() {
    }

    /**
     * Prints the table or JSON; exit status 1 if a region could not be listed (named on stderr), or
     * if the item is present in no region (missing or deleted in each, said on stderr).
     */
    static int show(Session<?> session, Console console, String bag, String id, boolean json) {
        Map<String, BlobStore> byRegion = session.secretsByRegion();
        if (byRegion.isEmpty()) {
            throw new UsageException("--regions needs a profile with 'regions' (this profile has one region); "
                    + "see 'Several regions' in docs/aws.md");
        }
        String key = session.layout().itemKey(Names.check("bag name", bag), Names.check("item id", id));
        List<RegionCopy> copies = ReplicaComparison.copies(key, byRegion);
        if (json) {
            console.data(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
                    .toJson(json(copies)));
        } else {
            table(copies).forEach(console::report);
        }
        boolean failed = false;
        for (RegionCopy copy : copies) {
            if (copy.failure().isPresent()) {
                console.error("messer: region " + copy.region() + ": " + copy.failure().get());
                failed = true;
            }
        }
        if (!failed && copies.stream().noneMatch(copy -> state(copy).equals("present"))) {
            throw new NotFoundException("item " + id + " does not exist in data bag " + bag + " in any region of "
                    + "the profile", Hint.of("see {}", Hint.command("data bag show", bag)));
        }
        return failed ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static String state(RegionCopy copy) {
        if (copy.failure().isPresent()) {
            return "unreachable";
        }
        return copy.latest().map(v -> v.deleted() ? "deleted" : "present").orElse("missing");
    }

    private static String modified(LatestVersion v) {
        return DateTimeFormatter.ISO_INSTANT.format(v.modified().truncatedTo(ChronoUnit.MILLIS));
    }

    private static String matches(RegionCopy copy) {
        return switch (copy.match()) {
            case HOME -> "(home)";
            case SAME -> "yes";
            case DIFFERS -> "no: " + copy.drift().map(k -> k.state()).orElse("differs");
            case UNKNOWN -> "unknown";
        };
    }

    private static List<String> table(List<RegionCopy> copies) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REGION", "VERSION", "LAST MODIFIED", "MATCHES HOME"});
        for (RegionCopy copy : copies) {
            String state = state(copy);
            rows.add(new String[] {copy.region(), state.equals("present") ? copy.latest().get().versionId() : state,
                    copy.latest().map(ItemRegionsView::modified).orElse("-"), matches(copy)});
        }
        return TextTable.lines(rows);
    }

    private static JsonArray json(List<RegionCopy> copies) {
        JsonArray array = new JsonArray();
        for (RegionCopy copy : copies) {
            JsonObject entry = new JsonObject();
            entry.addProperty("region", copy.region());
            entry.addProperty("home", copy.match() == ReplicaComparison.Match.HOME);
            entry.addProperty("state", state(copy));
            LatestVersion v = copy.latest().orElse(null);
            entry.addProperty("version_id", v == null || v.deleted() ? null : v.versionId());
            entry.addProperty("last_modified", v == null ? null : modified(v));
            entry.addProperty("size", v == null || v.deleted() ? null : v.size());
            if (copy.match() == ReplicaComparison.Match.UNKNOWN) {
                entry.add("matches_home", JsonNull.INSTANCE);
            } else {
                entry.addProperty("matches_home", copy.match() != ReplicaComparison.Match.DIFFERS);
            }
            entry.addProperty("differs", copy.drift().map(k -> k.state()).orElse(null));
            entry.addProperty("error", copy.failure().orElse(null));
            array.add(entry);
        }
        return array;
    }
}
