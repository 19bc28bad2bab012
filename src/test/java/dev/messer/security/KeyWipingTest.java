package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.app.Session;
import dev.messer.app.TestSessions;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.crypto.DataKey;
import dev.messer.keys.KeyRef;
import dev.messer.local.LocalMasterKey;
import dev.messer.local.LocalMasterKeyFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte arrays that held key material are zeroed when their owner is closed. */
class KeyWipingTest {

    @TempDir
    Path temp;

    /** The array inside a key, reached the one way the API allows, to look at it after close. */
    private static byte[] insideOf(DataKey key) {
        return key.withMaterialForWrapping(material -> material);
    }

    @Test
    void closedDataKey_isZeroedAndRefusesUse() {
        DataKey key = DataKey.random();
        byte[] inside = insideOf(key);
        assertThat(inside).isNotEqualTo(new byte[DataKey.LENGTH]);
        key.close();
        assertThat(inside).containsOnly(0);
        assertThat(key.isDestroyed()).isTrue();
        assertThat(key).hasToString("DataKey[wiped]");
        assertThatThrownBy(() -> insideOf(key)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataKeyOfTheWrongLength_isZeroedBeforeItIsRefused() {
        byte[] material = {1, 2, 3, 4, 5};
        assertThatThrownBy(() -> DataKey.adopt(material)).isInstanceOf(IllegalArgumentException.class);
        assertThat(material).containsOnly(0);
    }

    @Test
    void closingASession_wipesEveryUnwrappedDataKeyAndTheMasterKey() {
        Path root = temp.resolve("root");
        LocalMasterKeyFile.create(LocalMasterKeyFile.pathFor(root, "default"));
        Settings settings = Settings.of(Provider.LOCAL, Map.of(Setting.MASTER_KEY, "default",
                Setting.SECRETS_BUCKET, "secrets", Setting.KEYS_BUCKET, "keys", Setting.TIER, "dev",
                Setting.LOCAL_ROOT, root.toString()));
        DataKey v0;
        DataKey v1;
        byte[] inside0;
        byte[] inside1;
        LocalMasterKey master;
        try (Session<?> session = TestSessions.open(settings)) {
            session.keyRing().create("app");
            session.keyRing().increment("app");
            v0 = session.dataKeys().forReading(new KeyRef("app", 0));
            v1 = session.dataKeys().forReading(new KeyRef("app", 1));
            inside0 = insideOf(v0);
            inside1 = insideOf(v1);
            master = (LocalMasterKey) session.backend().masterKey();
            assertThat(inside0).isNotEqualTo(new byte[DataKey.LENGTH]);
            assertThat(session.dataKeys().forReading(new KeyRef("app", 0)).sameAs(v0)).isTrue();
        }
        assertThat(v0.isDestroyed()).isTrue();
        assertThat(v1.isDestroyed()).isTrue();
        assertThat(inside0).containsOnly(0);
        assertThat(inside1).containsOnly(0);
        assertThatThrownBy(() -> master.generateWrappedDataKey(dev.messer.crypto.EncryptionContext.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wiped");
    }

    @Test
    void keyFromAMasterKeyFile_isWipedWhenTheMasterKeyCloses() {
        Path file = temp.resolve("k.key");
        LocalMasterKeyFile.create(file);
        LocalMasterKey master = LocalMasterKeyFile.open(file);
        byte[] wrapped = master.generateWrappedDataKey(dev.messer.crypto.EncryptionContext.empty());
        DataKey unwrapped = master.unwrap(wrapped, dev.messer.crypto.EncryptionContext.empty());
        byte[] inside = insideOf(unwrapped);
        unwrapped.close();
        master.close();
        assertThat(inside).containsOnly(0);
        assertThatThrownBy(() -> master.unwrap(wrapped, dev.messer.crypto.EncryptionContext.empty()))
                .isInstanceOf(IllegalStateException.class);
    }
}
