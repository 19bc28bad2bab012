package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.messer.app.Session;
import dev.messer.app.TestSessions;
import dev.messer.aws.AwsFixture;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.TestItems;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of bulk runs through a {@link FaultProxy} share: a tier on moto, items
 * {@code web/item0..} sealed with key {@code app} v0 while v1 is the newest, so that a bulk run has
 * work for each, the proxy closed after each test, and the check that every item still decrypts.
 */
abstract class BulkFaultFixture {

    @TempDir
    Path dir;
    AwsFixture aws;
    FaultProxy proxy;

    @BeforeEach
    void setUpTier() {
        aws = AwsFixture.create(dir);
    }

    @AfterEach
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** A session straight to moto, past the proxy. */
    Session<?> direct() {
        return TestSessions.open(aws.settings(), aws.env());
    }

    /** {@code count} items, {@code value-N} in {@code web/itemN}, sealed with app v0; then app v1 made. */
    void seed(int count) {
        try (Session<?> session = direct()) {
            session.keyRing().create("app");
            session.bags().createBag("web");
            for (int i = 0; i < count; i++) {
                JsonObject json = new JsonObject();
                json.addProperty("id", "item" + i);
                json.addProperty("value", "value-" + i);
                TestItems.upload(session.items(), "web", ItemDocument.of(json, "item" + i), "app", OptionalInt.of(0), false);
            }
            session.keyRing().increment("app");
        }
    }

    void assertEveryItemDecrypts(int count) {
        try (Session<?> session = direct()) {
            for (int i = 0; i < count; i++) {
                assertThat(session.items().open("web", "item" + i).document().json().get("value").getAsString())
                        .isEqualTo("value-" + i);
            }
        }
    }
}
