package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.TestKeyRing;
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
    private final KeyRing ring = TestKeyRing.of(new MemoryBlobStore(), master);
    private final TestBucket bucket = TestBucket.on(interfering, new SecretsLayout("dev", ""), ring)
            .writer(() -> "ann@laptop").build();
    private final ItemService bags = bucket.items;
    private final ItemHistory history = bucket.history;

    @BeforeEach
    void seed() {
        ring.create("app");
        bucket.bags.createBag("app");
        upload("{\"id\":\"db\",\"password\":\"one\"}");
        upload("{\"id\":\"db\",\"password\":\"two\"}");
    }

    @AfterEach
    void wipe() {
        bucket.close();
        master.close();
    }

    private void upload(String json) {
        TestItems.upload(bags, "app", ItemDocument.parse(json.getBytes(StandardCharsets.UTF_8), "test"), "app",
                OptionalInt.empty(), true);
    }

    private List<ItemVersion> versions() {
        return bags.history("app", "db", Optional.empty(), 0).versions();
    }

    private String password() {
        return bags.open("app", "db").document().json().get("password").getAsString();
    }

    @Test
    void everyReadOfAVersion_refusesFormat1UnderMinItemFormat2_beforeTheKeyIsFetched() {
        try (TestBucket v1 = TestBucket.on(secrets, new SecretsLayout("dev", ""), ring).format(EnvelopeVersion.V1)
                .build()) {
            TestItems.upload(v1.items, "app", ItemDocument.parse("{\"id\":\"old\",\"p\":\"x\"}"
                    .getBytes(StandardCharsets.UTF_8), "test"), "app", OptionalInt.empty(), true);
        }
        try (TestBucket strictBucket = TestBucket.on(secrets, new SecretsLayout("dev", ""), ring).minItemFormat(2)
                .build()) {
            ItemHistory strict = strictBucket.history;
            String version = strictBucket.items.history("app", "old", Optional.empty(), 0).versions().get(0).version();
            List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> reads = List.of(
                () -> strict.open("app", "old", version),
                () -> strict.openVersion("app", "old", version),
                () -> strict.fields("app", "old", Optional.of(version)),
                () -> strict.latestAndPrevious("app", "old"),
                () -> strict.rollback("app", "old", version));
            for (var read : reads) {
                assertThatThrownBy(read).isInstanceOf(IntegrityException.class)
                        .hasMessageContaining("is in item format 1").hasMessageContaining("min_item_format = 2");
            }
            assertThat(strictBucket.keys.unwrapCount()).as("no key was fetched for a refused item").isZero();
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

        history.rollback("app", "db", one);
        assertThat(password()).isEqualTo("one");
        history.rollback("app", "db", two);

        assertThat(password()).isEqualTo("two");
        assertThat(versions()).hasSize(4);
    }

    @Test
    void rollback_sealsWithTheLatestVersionOfTheKey() {
        ring.increment("app");
        history.rollback("app", "db", versions().get(1).version());
        assertThat(bags.read("app", "db").item().keyRef().version()).isEqualTo(1);
    }

    @Test
    void rollback_duringAConcurrentWrite_isAConflict_andKeepsTheOtherWrite() {
        String one = versions().get(1).version();
        interfering.beforeNextConditionalWrite = () -> upload("{\"id\":\"db\",\"password\":\"theirs\"}");
        assertThatThrownBy(() -> history.rollback("app", "db", one)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed while it was being rolled back");
        assertThat(password()).isEqualTo("theirs");
    }

    @Test
    void rollback_ofADeletedItem_restoresIt_butADeletionCannotBeRestored() {
        bags.delete("app", "db");
        String deletion = versions().get(0).version();
        assertThat(versions().get(0).deleted()).isTrue();
        assertThatThrownBy(() -> history.rollback("app", "db", deletion)).isInstanceOf(InvalidInputException.class);

        history.rollback("app", "db", versions().get(1).version());

        assertThat(password()).isEqualTo("two");
    }

    @Test
    void anOldVersion_isOnlyValidAtItsOwnPath() {
        String one = versions().get(1).version();
        byte[] old = secrets.getVersion("dev/app/db", one).orElseThrow().content();
        secrets.put("dev/app/web", old, Map.of());
        String copied = bags.history("app", "web", Optional.empty(), 0).versions().get(0).version();

        assertThatThrownBy(() -> history.open("app", "web", copied)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void fields_ofADeletion_areEmpty_andAnUnknownVersionIsNotFound() {
        bags.delete("app", "db");
        assertThat(history.fields("app", "db", Optional.empty()).size()).isZero();
        assertThatThrownBy(() -> history.fields("app", "db", Optional.of("999")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("data bag history");
    }

    @Test
    void purge_removesItemAndHistory_andOfNothingIsNotFound() {
        history.purge("app", "db");
        assertThat(secrets.versions("dev/app/db").versions()).isEmpty();
        assertThatThrownBy(() -> history.purge("app", "db")).isInstanceOf(NotFoundException.class);
    }
}
