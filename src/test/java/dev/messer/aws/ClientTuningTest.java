package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.config.CommandDefaults;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;

/** Timeouts and retries from the settings, and the values they refuse. */
class ClientTuningTest {

    private static ClientTuning tuning(Map<Setting, String> values) {
        return ClientTuning.from(Settings.of(Provider.AWS, values).aws());
    }

    @Test
    void defaults_areStandardRetries_threeAttempts_5sConnect_30sRead_noCallTimeout() {
        ClientTuning tuning = tuning(Map.of());

        assertThat(tuning).isEqualTo(new ClientTuning(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Optional.of(Duration.ofSeconds(10)), RetryMode.STANDARD, 3));
    }

    @Test
    void fractionalSeconds_adaptiveMode_andMaxAttempts_areTakenAsWritten() {
        ClientTuning tuning = tuning(Map.of(Setting.CONNECT_TIMEOUT, "2.5", Setting.READ_TIMEOUT, "10",
                Setting.API_CALL_TIMEOUT, "120", Setting.RETRY_MODE, "Adaptive", Setting.MAX_ATTEMPTS, "10"));

        assertThat(tuning).isEqualTo(new ClientTuning(Duration.ofMillis(2500), Duration.ofSeconds(10),
                Optional.of(Duration.ofSeconds(120)), RetryMode.ADAPTIVE_V2, 10));
        assertThat(tuning.retryStrategy().maxAttempts()).isEqualTo(10);
    }

    @Test
    void unknownRetryMode_isAConfigErrorNamingTheChoices() {
        assertThatThrownBy(() -> tuning(Map.of(Setting.RETRY_MODE, "legacy")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("retry_mode is 'legacy' (from given); use standard or adaptive");
    }

    @Test
    void maxAttemptsOutOfRange_isAConfigError() {
        assertThatThrownBy(() -> tuning(Map.of(Setting.MAX_ATTEMPTS, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max_attempts is 0 (from given); use 1 to 20");
    }

    @Test
    void timeoutThatIsNotAPositiveNumber_isAConfigError() {
        assertThatThrownBy(() -> tuning(Map.of(Setting.READ_TIMEOUT, "5s")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("read_timeout is '5s' (from given); it must be a number of seconds above 0 and up to 3600, "
                        + "such as 5 or 2.5");
        assertThatThrownBy(() -> tuning(Map.of(Setting.CONNECT_TIMEOUT, "0")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void bulkFallbacks_applyOnlyWhereNothingSetAValue() {
        ClientTuning unset = ClientTuning.from(Settings.of(Provider.AWS, Map.of())
                .withDefaults(CommandDefaults.BULK).aws());
        ClientTuning chosen = ClientTuning.from(Settings.of(Provider.AWS, Map.of(Setting.MAX_ATTEMPTS, "4"))
                .withDefaults(CommandDefaults.BULK).aws());

        assertThat(unset.retryMode()).isEqualTo(RetryMode.ADAPTIVE_V2);
        assertThat(unset.maxAttempts()).isEqualTo(10);
        assertThat(chosen.maxAttempts()).isEqualTo(4);
    }
}
