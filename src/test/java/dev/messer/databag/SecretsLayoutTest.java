package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsLayoutTest {

    @Test
    void tierAndFolder_prefixBagsInThatOrder() {
        SecretsLayout layout = new SecretsLayout("dev", "secrets");
        assertThat(layout.bagsPrefix()).isEqualTo("dev/secrets/");
        assertThat(layout.bagMarker("payments")).isEqualTo("dev/secrets/payments/");
        assertThat(layout.itemKey("payments", "db")).isEqualTo("dev/secrets/payments/db");
    }

    @Test
    void onlyTier_onlyFolder_orNeither() {
        assertThat(new SecretsLayout("dev", "").itemKey("b", "i")).isEqualTo("dev/b/i");
        assertThat(new SecretsLayout(null, "secrets").itemKey("b", "i")).isEqualTo("secrets/b/i");
        assertThat(new SecretsLayout(null, null).itemKey("b", "i")).isEqualTo("b/i");
        assertThat(new SecretsLayout("", " ").bagsPrefix()).isEmpty();
    }

    @Test
    void surroundingSlashesAndSpaces_areTrimmed() {
        SecretsLayout layout = new SecretsLayout(" /dev/ ", "//team/secrets//");
        assertThat(layout.tier()).isEqualTo("dev");
        assertThat(layout.folder()).isEqualTo("team/secrets");
        assertThat(layout.bagMarker("b")).isEqualTo("dev/team/secrets/b/");
    }
}
