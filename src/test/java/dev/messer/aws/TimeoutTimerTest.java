package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A call's timeout leaves nothing queued once the call is over, however long the timeout. */
class TimeoutTimerTest {

    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_EC2_METADATA_DISABLED", "true");

    @Test
    void callsWithALongTimeout_leaveNoCancelledTaskQueued() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Answer("");
             AwsClientFactory clients = new AwsClientFactory(Settings.of(Provider.AWS, Map.of(
                     Setting.REGION, "us-east-1", Setting.S3_ENDPOINT_URL, s3.endpoint().toString(),
                     Setting.PATH_STYLE, "true", Setting.API_CALL_TIMEOUT, "300")).aws(), new AwsEnvironment(ENV),
                     serial -> "000000")) {
            for (int i = 0; i < 20; i++) {
                clients.s3().headObject(r -> r.bucket("b").key("dev/bag/item"));
            }
            TimeoutTimer timer = timer(clients);
            assertThat(timer.scheduled()).as("the SDK scheduled its timeouts here").isGreaterThanOrEqualTo(20);
            assertThat(timer.waiting()).as("cancelled timeouts still queued").isZero();
        }
    }

    @Test
    void close_stopsTheThread() throws Exception {
        TimeoutTimer timer = new TimeoutTimer();
        var executor = timer.executor();
        executor.schedule(() -> { }, 300, TimeUnit.SECONDS).cancel(false);
        assertThat(timer.waiting()).isZero();
        timer.close();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private static TimeoutTimer timer(AwsClientFactory clients) {
        try {
            var field = AwsClientFactory.class.getDeclaredField("timeouts");
            field.setAccessible(true);
            return (TimeoutTimer) field.get(clients);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
