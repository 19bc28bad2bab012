package dev.messer.estate;

import dev.messer.bulk.BulkListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of one or more tiers: their counts and what was found, as of {@code generated}.
 *
 * @param maxKeyAge the age above which a key version in use is a finding
 */
public record AuditReport(Instant generated, Duration maxKeyAge, List<TierInventory> tiers, List<Finding> findings) {

    /** The schema version of the JSON form (docs/audit.md). */
    public static final int SCHEMA_VERSION = 1;

    public AuditReport {
        tiers = List.copyOf(tiers);
        findings = List.copyOf(findings);
    }

    /** Scans every tier in turn, {@code parallel} items at a time, and applies the rules. */
    public static AuditReport run(List<TierSource> sources, Duration maxKeyAge, int parallel, BulkListener listener,
                                  Instant now) {
        List<TierInventory> tiers = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (TierSource source : sources) {
            TierInventory tier = TierScanner.scan(source, parallel, listener);
            tiers.add(tier);
            findings.addAll(Findings.of(tier, maxKeyAge, now));
        }
        return new AuditReport(now, maxKeyAge, tiers, findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }
}
