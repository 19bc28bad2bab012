package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemHistoryTest {

    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final FieldEditorTest.ConcurrentWriter interfering = new FieldEditorTest.ConcurrentWriter(secrets);
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = new KeyRing(new MemoryBlobStore(), () -> master, EncryptionContext.empty(), true);
    private final DataKeyCache keys = new DataKeyCache(ring);
    private final DataBagService bags = new DataBagService(interfering, new SecretsLayout("dev", ""), EnvelopeVersion.V2,
            () -> "ann@laptop");
    private final ItemHistory history = new ItemHistory(bags);

    @BeforeEach
    void seed() {
        ring.create("app");
        bags.createBag("app");
        upload("{\"id\":\"db\",\"password\":\"one\"}");
        upload("{\"id\":\"db\",\"password\":\"two\"}");
    }

    @AfterEach
    void wipe() {
        keys.close();
        master.close();
    }

    private void upload(String json) {
        bags.upload("app", ItemDocument.parse(json.getBytes(StandardCharsets.UTF_8), "test"), "app", OptionalInt.empty(),
                true, keys);
    }

    private List<ItemVersion> versions() {
        return history.list("app", "db").versions();
    }

    private String password() {
        return bags.decrypt("app", "db", keys).json().get("password").getAsString();
    }

    @Test
    void everyReadOfAVersion_refusesFormat1UnderMinItemFormat2_beforeTheKeyIsFetched() {
        new DataBagService(secrets, new SecretsLayout("dev", ""), EnvelopeVersion.V1).upload("app",
                ItemDocument.parse("{\"id\":\"old\",\"p\":\"x\"}".getBytes(StandardCharsets.UTF_8), "test"), "app",
                OptionalInt.empty(), true, keys);
        ItemHistory strict = new ItemHistory(new DataBagService(secrets, new SecretsLayout("dev", ""), EnvelopeVersion.V2,
                2, dev.messer.store.StoreNotices.NONE));
        String version = strict.list("app", "old").versions().get(0).version();
        try (DataKeyCache fresh = new DataKeyCache(ring)) {
            List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> reads = List.of(
                () -> strict.open("app", "old", version, fresh),
                () -> strict.openVersion("app", "old", version, fresh),
                () -> strict.fields("app", "old", Optional.of(version), fresh),
                () -> strict.latestAndPrevious("app", "old", fresh),
                () -> strict.rollback("app", "old", version, fresh));
            for (var read : reads) {
                assertThatThrownBy(read).isInstanceOf(IntegrityException.class)
                        .hasMessageContaining("is in item format 1").hasMessageContaining("min_item_format = 2");
            }
            assertThat(fresh.unwrapCount()).as("no key was fetched for a refused item").isZero();
        }
    }

    @Test
    void list_describesEachVersion_withoutValues() {
        List<ItemVersion> versions = versions();
        assertThat(versions).hasSize(2);
        ItemVersion newest = versions.get(0);
        assertThat(newest.writer()).contains("ann@laptop");
        assertThat(newest.keyName()).contains("app");
        assertThat(newest.keyVersion()).hasValue(0);
        assertThat(newest.itemFormat()).hasValue(2);
        assertThat(newest.deleted()).isFalse();
        assertThat(newest.toString()).doesNotContain("two");
    }

    @Test
    void rollbackOfARollback_bringsTheUndoneContentBack_andHistoryOnlyGrows() {
        String one = versions().get(1).version();
        String two = versions().get(0).version();

        history.rollback("app", "db", one, keys);
        assertThat(password()).isEqualTo("one");
        history.rollback("app", "db", two, keys);

        assertThat(password()).isEqualTo("two");
        assertThat(versions()).hasSize(4);
    }

    @Test
    void rollback_sealsWithTheLatestVersionOfTheKey() {
        ring.increment("app");
        history.rollback("app", "db", versions().get(1).version(), keys);
        assertThat(bags.read("app", "db").item().keyRef().version()).isEqualTo(1);
    }

    @Test
    void rollback_duringAConcurrentWrite_isAConflict_andKeepsTheOtherWrite() {
        String one = versions().get(1).version();
        interfering.beforeNextConditionalWrite = () -> upload("{\"id\":\"db\",\"password\":\"theirs\"}");
        assertThatThrownBy(() -> history.rollback("app", "db", one, keys)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed while it was being rolled back");
        assertThat(password()).isEqualTo("theirs");
    }

    @Test
    void rollback_ofADeletedItem_restoresIt_butADeletionCannotBeRestored() {
        bags.deleteItem("app", "db");
        String deletion = versions().get(0).version();
        assertThat(versions().get(0).deleted()).isTrue();
        assertThatThrownBy(() -> history.rollback("app", "db", deletion, keys)).isInstanceOf(InvalidInputException.class);

        history.rollback("app", "db", versions().get(1).version(), keys);

        assertThat(password()).isEqualTo("two");
    }

    @Test
    void anOldVersion_isOnlyValidAtItsOwnPath() {
        String one = versions().get(1).version();
        byte[] old = secrets.getVersion("dev/app/db", one).orElseThrow().content();
        secrets.put("dev/app/web", old, Map.of());
        String copied = history.list("app", "web").versions().get(0).version();

        assertThatThrownBy(() -> history.open("app", "web", copied, keys)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void fields_ofADeletion_areEmpty_andAnUnknownVersionIsNotFound() {
        bags.deleteItem("app", "db");
        assertThat(history.fields("app", "db", Optional.empty(), keys).size()).isZero();
        assertThatThrownBy(() -> history.fields("app", "db", Optional.of("999"), keys))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("data bag history");
    }

    @Test
    void purge_removesItemAndHistory_andOfNothingIsNotFound() {
        history.purge("app", "db");
        assertThat(secrets.versions("dev/app/db").versions()).isEmpty();
        assertThatThrownBy(() -> history.purge("app", "db")).isInstanceOf(NotFoundException.class);
    }
}
