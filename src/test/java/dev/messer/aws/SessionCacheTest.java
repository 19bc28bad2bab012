package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.error.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Session file names, the expiry margin, and the login duration grammar. */
class SessionCacheTest {

    private static final AssumedRole ROLE = new AssumedRole("arn:aws:iam::123456789012:role/r", "messer",
            Optional.empty(), OptionalInt.empty(), Optional.empty());

    @TempDir
    Path dir;

    @Test
    void everyPartOfTheSession_givesAnotherFile() {
        Set<String> names = new HashSet<>(List.of(
                SessionCache.key("profile:dev", ROLE),
                SessionCache.key("profile:prod", ROLE),
                SessionCache.key("profile:dev", new AssumedRole(ROLE.arn() + "2", "messer", Optional.empty(), OptionalInt.empty(), Optional.empty())),
                SessionCache.key("profile:dev", new AssumedRole(ROLE.arn(), "messer", Optional.of("x"), OptionalInt.empty(), Optional.empty())),
                SessionCache.key("profile:dev", new AssumedRole(ROLE.arn(), "alice", Optional.empty(), OptionalInt.empty(), Optional.empty())),
                SessionCache.key("profile:dev", new AssumedRole(ROLE.arn(), "messer", Optional.empty(), OptionalInt.of(3600), Optional.empty())),
                SessionCache.key("profile:dev", new AssumedRole(ROLE.arn(), "messer", Optional.empty(), OptionalInt.empty(), Optional.of("mfa")))));

        assertThat(names).hasSize(7).allMatch(name -> name.matches("[0-9a-f]{40}\\.json"));
        assertThat(SessionCache.key("profile:dev", ROLE)).isEqualTo(SessionCache.key("profile:dev", ROLE));
    }

    @Test
    void accessKeyIdentity_doesNotContainTheKeyId() {
        assertThat(SessionCache.accessKeyIdentity("AKIAIOSFODNN7EXAMPLE")).startsWith("key:").doesNotContain("AKIA");
    }

    @Test
    void aSession_isUsedUntilFiveMinutesBeforeItExpires() {
        Instant now = Instant.parse("2026-11-27T05:00:00Z");
        List<String> warnings = new ArrayList<>();
        SessionCache cache = new SessionCache(dir.resolve("sessions"), Clock.fixed(now, ZoneOffset.UTC), warnings::add);
        String name = SessionCache.key("profile:dev", ROLE);

        cache.write(name, ROLE.arn(), session(now.plus(Duration.ofMinutes(5).plusSeconds(1))));
        assertThat(cache.read(name, ROLE.arn())).isPresent();
        cache.write(name, ROLE.arn(), session(now.plus(Duration.ofMinutes(5))));
        assertThat(cache.read(name, ROLE.arn())).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aFileOfAnotherRole_isNotUsed() {
        List<String> warnings = new ArrayList<>();
        SessionCache cache = new SessionCache(dir.resolve("sessions"), Clock.systemUTC(), warnings::add);
        cache.write("a.json", ROLE.arn(), session(Instant.now().plus(Duration.ofHours(1))));

        assertThat(cache.read("a.json", "arn:aws:iam::123456789012:role/other")).isEmpty();
        assertThat(warnings).singleElement().asString().contains("it holds another session");
    }

    @Test
    void loginDurations_areWrittenInMinutesOrHours_within15mAnd12h() {
        assertThat(AwsIdentity.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(AwsIdentity.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(AwsIdentity.parseDuration("12h")).isEqualTo(Duration.ofHours(12));
        for (String bad : List.of("14m", "13h", "3600", "1d", "1h30m", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AwsIdentity.parseDuration(bad))
                    .as(bad).isInstanceOf(InvalidInputException.class);
        }
    }

    private static AwsSessionCredentials session(Instant expiry) {
        return AwsSessionCredentials.builder().accessKeyId("ASIA1").secretAccessKey("s").sessionToken("t")
                .expirationTime(expiry).build();
    }

}
