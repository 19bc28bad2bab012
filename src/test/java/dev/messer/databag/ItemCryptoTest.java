package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.IntegrityException;
import dev.messer.keys.KeyRef;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ItemCryptoTest {

    private final ItemCrypto crypto = new ItemCrypto(new SecretsLayout("dev", "secrets"));
    private final ItemDocument item = ItemDocument.parse("{\"id\": \"db\", \"password\": \"hunter2\"}"
            .getBytes(StandardCharsets.UTF_8), "item file");

    @ParameterizedTest
    @EnumSource(EnvelopeVersion.class)
    void sealThenOpen_roundTrips(EnvelopeVersion version) {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto.seal("payments", item, new KeyRef("app", 2), key, version);
            assertThat(stored.id()).isEqualTo("db");
            assertThat(stored.keyRef()).isEqualTo(new KeyRef("app", 2));
            assertThat(stored.encryptedData()).doesNotContain("hunter2");
            Envelope envelope = EnvelopeCodec.decode(stored.encryptedData());
            assertThat(envelope.version()).isEqualTo(version);
            assertThat(envelope.keyName()).isEqualTo("app");
            assertThat(envelope.keyVersion()).isEqualTo(2);
            assertThat(crypto.open("payments", "db", stored, key).json()).isEqualTo(item.json());
        }
    }

    @Test
    void open_withAnotherKey_failsIntegrityNamingTheItem() {
        try (DataKey key = DataKey.random(); DataKey other = DataKey.random()) {
            StoredItem stored = crypto.seal("payments", item, new KeyRef("app", 2), key, EnvelopeVersion.V2);
            assertThatThrownBy(() -> crypto.open("payments", "db", stored, other))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("item payments/db (dev/secrets/payments/db)");
        }
    }

    @Test
    void version1_storedItemRelabelledToAnotherKey_failsIntegrity() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto.seal("payments", item, new KeyRef("app", 2), key, EnvelopeVersion.V1);
            StoredItem relabelled = new StoredItem("db", stored.encryptedData(), "app", 3);
            assertThatThrownBy(() -> crypto.open("payments", "db", relabelled, key))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("relabelled");
        }
    }

    @Test
    void version2_movedToAnotherFolder_failsIntegrity() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto.seal("payments", item, new KeyRef("app", 2), key, EnvelopeVersion.V2);
            ItemCrypto elsewhere = new ItemCrypto(new SecretsLayout("dev", "other"));
            assertThatThrownBy(() -> elsewhere.open("payments", "db", stored, key))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void version1_copiedUnderTheSameIdToAnotherTier_stillOpens_becauseItBindsOnlyTheKey() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto.seal("payments", item, new KeyRef("app", 2), key, EnvelopeVersion.V1);
            ItemCrypto prod = new ItemCrypto(new SecretsLayout("prod", ""));
            assertThat(prod.open("billing", "db", stored, key).id()).isEqualTo("db");
        }
    }

    @Test
    void storedIdDisagreeingWithThePath_failsIntegrity() {
        try (DataKey key = DataKey.random()) {
            StoredItem stored = crypto.seal("payments", item, new KeyRef("app", 2), key, EnvelopeVersion.V1);
            assertThatThrownBy(() -> crypto.open("payments", "web", stored, key))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("moved or renamed");
        }
    }

    @Test
    void version1_decryptedIdDisagreeingWithThePath_failsIntegrity() {
        try (DataKey key = DataKey.random()) {
            StoredItem sealed = crypto.seal("payments", item, new KeyRef("app", 2), key, EnvelopeVersion.V1);
            StoredItem renamed = new StoredItem("web", sealed.encryptedData(), "app", 2);
            assertThatThrownBy(() -> crypto.open("payments", "web", renamed, key))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("decrypts to an item with id 'db'");
        }
    }
}
