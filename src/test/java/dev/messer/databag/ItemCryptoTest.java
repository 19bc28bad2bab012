package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.IntegrityException;
import dev.messer.keys.DataKeys;
import dev.messer.keys.FixedDataKeys;
import dev.messer.keys.KeyRef;
import dev.messer.store.StoreNotices;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ItemCryptoTest {

    private final SecretsLayout layout = new SecretsLayout("dev", "secrets");
    private final ItemCrypto crypto = crypto(layout, EnvelopeVersion.V2);
    private final ItemDocument item = ItemDocument.parse("{\"id\": \"db\", \"password\": \"hunter2\"}"
            .getBytes(StandardCharsets.UTF_8), "item file");

    @ParameterizedTest
    @EnumSource(EnvelopeVersion.class)
    void sealThenOpen_roundTrips(EnvelopeVersion version) {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto(layout, version).seal("payments", item, new KeyRef("app", 2), key);
            assertThat(stored.id()).isEqualTo("db");
            assertThat(stored.keyRef()).isEqualTo(new KeyRef("app", 2));
            assertThat(stored.encryptedData()).doesNotContain("hunter2");
            Envelope envelope = EnvelopeCodec.decode(stored.encryptedData());
            assertThat(envelope.version()).isEqualTo(version);
            assertThat(envelope.keyName()).isEqualTo("app");
            assertThat(envelope.keyVersion()).isEqualTo(2);
            assertThat(crypto.open("payments", "db", stored, new FixedDataKeys(key)).json()).isEqualTo(item.json());
        }
    }

    @Test
    void open_withAnotherKey_failsIntegrityNamingTheItem() {
        try (DataKey key = DataKey.random(); DataKey other = DataKey.random()) {
            StoredItem stored = crypto(layout, EnvelopeVersion.V2).seal("payments", item, new KeyRef("app", 2), key);
            assertThatThrownBy(() -> crypto.open("payments", "db", stored, new FixedDataKeys(other)))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("item payments/db (dev/secrets/payments/db)");
        }
    }

    @Test
    void version1_storedItemRelabelledToAnotherKey_failsIntegrity() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto(layout, EnvelopeVersion.V1).seal("payments", item, new KeyRef("app", 2), key);
            StoredItem relabelled = new StoredItem("db", stored.encryptedData(), "app", 3);
            assertThatThrownBy(() -> crypto.open("payments", "db", relabelled, new FixedDataKeys(key)))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("relabelled");
        }
    }

    @Test
    void version2_movedToAnotherFolder_failsIntegrity() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto(layout, EnvelopeVersion.V2).seal("payments", item, new KeyRef("app", 2), key);
            ItemCrypto elsewhere = crypto(new SecretsLayout("dev", "other"), EnvelopeVersion.V2);
            assertThatThrownBy(() -> elsewhere.open("payments", "db", stored, new FixedDataKeys(key)))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void version1_copiedUnderTheSameIdToAnotherTier_stillOpens_becauseItBindsOnlyTheKey() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto(layout, EnvelopeVersion.V1).seal("payments", item, new KeyRef("app", 2), key);
            ItemCrypto prod = crypto(new SecretsLayout("prod", ""), EnvelopeVersion.V2);
            assertThat(prod.open("billing", "db", stored, new FixedDataKeys(key)).id()).isEqualTo("db");
        }
    }

    @Test
    void storedIdDisagreeingWithThePath_failsIntegrity() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto(layout, EnvelopeVersion.V1).seal("payments", item, new KeyRef("app", 2), key);
            assertThatThrownBy(() -> crypto.open("payments", "web", stored, new FixedDataKeys(key)))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("moved or renamed");
        }
    }

    @Test
    void version1_decryptedIdDisagreeingWithThePath_failsIntegrity() {
        try (DataKey key = DataKey.random()) {
            StoredItem sealed = crypto(layout, EnvelopeVersion.V1).seal("payments", item, new KeyRef("app", 2), key);
            StoredItem renamed = new StoredItem("web", sealed.encryptedData(), "app", 2);
            assertThatThrownBy(() -> crypto.open("payments", "web", renamed, new FixedDataKeys(key)))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("decrypts to an item with id 'db'");
        }
    }

    @Test
    void itemBelowTheMinimumFormat_isRefused_beforeAnyKeyIsAsked() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto(layout, EnvelopeVersion.V1).seal("payments", item, new KeyRef("app", 2), key);
            ItemCrypto strict = new ItemCrypto(layout, 2, EnvelopeVersion.V2, StoreNotices.NONE);
            assertThatThrownBy(() -> strict.open("payments", "db", stored, new DataKeys() {
                @Override
                public DataKey forReading(KeyRef ref) {
                    throw new AssertionError("a key was asked for a refused item");
                }

                @Override
                public DataKey forWriting(KeyRef ref) {
                    throw new AssertionError("a key was asked for a refused item");
                }

                @Override
                public void close() {
                }
            })).isInstanceOf(IntegrityException.class).hasMessageContaining("is in item format 1");
        }
    }

    private static ItemCrypto crypto(SecretsLayout layout, EnvelopeVersion writes) {
        return new ItemCrypto(layout, 1, writes, StoreNotices.NONE);
    }
}
