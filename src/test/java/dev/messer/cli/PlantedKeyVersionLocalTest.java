package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.crypto.EncryptionContext;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalBlobStore;
import dev.messer.local.LocalMasterKey;
import dev.messer.local.LocalMasterKeyFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust case 54 on {@code local}: a version {@code app/1} stored in the keys folder, wrapped by another
 * key file of {@code master-keys/} and recording its name. Writers that pick the latest version refuse
 * it with the fixes, items on the profile's own version still read, and {@code doctor local} names it.
 */
class PlantedKeyVersionLocalTest {

    @TempDir
    Path home;

    @Test
    void aVersionWrappedByAnotherKeyFile_isNotSealedWith_andDoctorNamesIt() {
        CliSandbox sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"password\":\"v0-secret\"}");
        Path plantedFile = sandbox.masterKeyFile("planted");
        LocalMasterKeyFile.create(plantedFile);
        EncryptionContext context = EncryptionContext.of(Map.of(KeyRing.CONTEXT_KEY_NAME, "app",
                KeyRing.CONTEXT_KEY_VERSION, "1", KeyRing.CONTEXT_TIER, "dev"));
        try (LocalMasterKey planted = LocalMasterKeyFile.open(plantedFile)) {
            new LocalBlobStore(sandbox.keysBucket()).putIfAbsent("app/1", planted.generateWrappedDataKey(context),
                    Map.of(KeyRing.CONTEXT_METADATA, context.toMetadataValue(), KeyRing.MASTER_KEY_METADATA, "planted"));
        }

        CliRun upload = sandbox.runWithInput("{\"id\":\"api\",\"token\":\"t\"}", "data", "bag", "from", "file", "local",
                "app", "-", "--secret-file", "app");
        assertThat(upload.exit()).as(upload.toString()).isEqualTo(1);
        assertThat(upload.err()).hasLineCount(1).contains("encryption key app v1").contains("master key 'planted'")
                .contains("not by this profile's master key 'test'")
                .contains("'messer encryption rewrap local app --to-master-key test'")
                .contains("'messer encryption delete local app 1'");
        assertThat(sandbox.storedItem("app", "api")).doesNotExist();
        CliRun reEncrypt = sandbox.run("bulk", "re-encrypt", "local");
        assertThat(reEncrypt.exit()).isNotZero();
        assertThat(reEncrypt.out() + reEncrypt.err()).contains("encryption key app v1").contains("'planted'");
        assertThat(sandbox.ok("data", "bag", "show", "local", "app", "db", "--decrypt", "--field", "password").out())
                .isEqualTo("v0-secret\n");

        CliRun doctor = sandbox.run("doctor", "local");
        assertThat(doctor.out()).containsPattern("(?m)^\\[FAIL\\] data keys +encryption key app v1 .*'planted'")
                .containsPattern("(?m)^\\[warn\\] old master keys +1 key version\\(s\\) .*app v1 by 'planted': "
                        + "planted \\(key file present\\)");
    }
}
