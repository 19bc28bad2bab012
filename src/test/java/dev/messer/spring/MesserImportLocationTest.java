package dev.messer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MesserImportLocationTest {

    @Test
    void itemAndOptions_areRead() {
        MesserImportLocation location = MesserImportLocation.parse("payments/db?profile=prod&prefix=spring.datasource");
        assertThat(location.item()).isEqualTo("payments/db");
        assertThat(location.options()).isEqualTo(Map.of("profile", "prod", "prefix", "spring.datasource"));
        assertThat(location.prefix()).isEqualTo("spring.datasource.");
        assertThat(MesserImportLocation.parse("payments/db").prefix()).isEmpty();
    }

    @Test
    void anUnknownOption_orNoItem_isOneLineWithTheFix() {
        assertThatThrownBy(() -> MesserImportLocation.parse("payments/db?profil=prod"))
                .isInstanceOf(MesserImportException.class)
                .hasMessage("spring.config.import messer:payments/db?profil=prod has the option 'profil'; the options "
                        + "are profile, config and prefix");
        assertThatThrownBy(() -> MesserImportLocation.parse("payments"))
                .hasMessage("spring.config.import messer:payments does not name an item; write messer:BAG/ITEM, for "
                        + "example messer:payments/db");
    }

    @Test
    void theFailureAnalyzer_reportsTheImportsLine() {
        MesserImportException failure = new MesserImportException("cannot import messer:payments/db: S3 failed");
        assertThat(new MesserFailureAnalyzer().analyze(new IllegalStateException("wrapped", failure)).getDescription())
                .isEqualTo("cannot import messer:payments/db: S3 failed");
        assertThat(new MesserFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }
}
