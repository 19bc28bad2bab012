package dev.messer.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.keys.TestKeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.Blob;
import dev.messer.store.MemoryBlobStore;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What doctor finds in the contexts kept with key versions: rollback suspects and versions without the tier. */
class KeyAuditsTest {

    private final MemoryBlobStore keysBucket = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final EncryptionContext payments = EncryptionContext.parse("team=payments");
    /** A profile that writes bound (format 2) items. */
    private final KeyRing ring = TestKeyRing.on(keysBucket, master).context(payments).build();
    /** The same bucket as Messer (or item_format = 1) writes it: versions without a context. */
    private final TestKeyRing legacy = TestKeyRing.on(keysBucket, master).unbound();

    @AfterEach
    void wipe() {
        master.close();
    }

    @Test
    void contextlessVersionPlantedAboveABoundOne_isASuspect() {
        ring.create("app");
        legacy.plant(new KeyRef("app", 1));

        assertThat(KeyAudits.rollbackSuspects(ring)).containsExactly(new KeyRef("app", 1));
    }

    @Test
    void plantedVersion_overtakenByIncrement_staysASuspect() {
        ring.create("app");
        legacy.plant(new KeyRef("app", 1));
        ring.increment("app");

        assertThat(KeyAudits.rollbackSuspects(ring)).containsExactly(new KeyRef("app", 1));
    }

    @Test
    void messersKeyWithoutAnyContext_andBoundVersionsAboveIt_areNoSuspects() {
        legacy.build().create("app");
        ring.increment("app");
        ring.create("other");

        assertThat(KeyAudits.rollbackSuspects(ring)).isEmpty();
    }

    @Test
    void damagedContextMetadata_failsTheRollbackAudit_namingTheObject() {
        ring.create("app");
        Blob v0 = keysBucket.get("app/0").orElseThrow();
        keysBucket.put("app/0", v0.content(), Map.of(KeyRing.CONTEXT_METADATA, "garbage-without-equals"));

        assertThatThrownBy(() -> KeyAudits.rollbackSuspects(ring)).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("app/0").hasMessageContaining("damaged");
    }

    @Test
    void versionsWrittenBeforeTheTierWasInTheContext_areListedAsLackingIt() {
        ring.create("app");
        legacy.plant(new KeyRef("legacy", 0));
        KeyRing tiered = TestKeyRing.on(keysBucket, master).context(payments).tier("prod", true).build();
        tiered.increment("app");

        assertThat(KeyAudits.versionsWithoutTier(tiered, "prod"))
                .containsExactly(new KeyRef("app", 0), new KeyRef("legacy", 0));
        assertThat(KeyAudits.versionsWithoutTier(ring, "")).as("a profile without a tier has nothing to report")
                .isEmpty();
    }

    @Test
    void damagedContextMetadata_isNotReportedAsALackingTier() {
        KeyRing tiered = TestKeyRing.on(keysBucket, master).context(payments).tier("prod", true).build();
        tiered.create("app");
        tiered.increment("app");
        Blob v0 = keysBucket.get("app/0").orElseThrow();
        keysBucket.put("app/0", v0.content(), Map.of(KeyRing.CONTEXT_METADATA, "garbage-without-equals"));

        assertThat(KeyAudits.versionsWithoutTier(tiered, "prod")).isEmpty();
    }
}
