package dev.messer.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.error.ThrottledException;
import dev.messer.error.UnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which answers end a read and which outages turn it to the next region, in which order. */
class RegionalReadsTest {

    @TempDir
    Path dir;

    private final List<String> asked = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final Map<String, Supplier<Optional<String>>> answers = new HashMap<>();

    private Optional<String> read(RegionalReads reads) {
        Map<String, String> sources = Map.of("us-east-1", "us-east-1", "eu-west-1", "eu-west-1", "ap-south-1",
                "ap-south-1");
        return reads.read(sources, region -> {
            asked.add(region);
            return answers.getOrDefault(region, () -> Optional.of("from " + region)).get();
        }, Optional::isEmpty);
    }

    private RegionalReads reads(String nearest, DownMarks marks) {
        return new RegionalReads(List.of("us-east-1", "eu-west-1", "ap-south-1"), nearest, false, marks, notices::add);
    }

    @Test
    void theNearestAnswers_andNothingElseIsAsked() {
        assertThat(read(reads("eu-west-1", DownMarks.NONE))).contains("from eu-west-1");
        assertThat(asked).containsExactly("eu-west-1");
        assertThat(notices).isEmpty();
    }

    @Test
    void outages_turnToTheHomeRegionThenTheOthers_andSaySo() {
        answers.put("eu-west-1", () -> {
            throw new UnavailableException("cannot reach S3");
        });
        answers.put("us-east-1", () -> {
            throw new ThrottledException("S3 kept throttling", null);
        });
        assertThat(read(reads("eu-west-1", DownMarks.NONE))).contains("from ap-south-1");
        assertThat(asked).containsExactly("eu-west-1", "us-east-1", "ap-south-1");
        assertThat(notices).containsExactly("read from region ap-south-1: eu-west-1 did not answer (cannot reach S3)");
    }

    @Test
    void answers_endTheRead() {
        for (RuntimeException answer : List.of(new AccessDeniedException("access denied"),
                new IntegrityException("tampered"), new AccessDeniedException("KMS key is disabled"))) {
            asked.clear();
            answers.put("us-east-1", () -> {
                throw answer;
            });
            assertThatThrownBy(() -> read(reads("us-east-1", DownMarks.NONE))).isSameAs(answer);
            assertThat(asked).containsExactly("us-east-1");
        }
    }

    @Test
    void onlyTheHomeRegionsNotFound_isFinal() {
        answers.put("us-east-1", Optional::empty);
        assertThat(read(reads("us-east-1", DownMarks.NONE))).isEmpty();
        assertThat(asked).containsExactly("us-east-1");

        asked.clear();
        answers.put("eu-west-1", Optional::empty);
        answers.put("us-east-1", () -> Optional.of("at home"));
        assertThat(read(reads("eu-west-1", DownMarks.NONE))).contains("at home");
        assertThat(asked).containsExactly("eu-west-1", "us-east-1");

        asked.clear();
        answers.put("eu-west-1", () -> {
            throw new NotFoundException("no such key version");
        });
        assertThat(read(reads("eu-west-1", DownMarks.NONE))).contains("at home");
    }

    @Test
    void aForcedRegion_isTheOnlyOneAsked() {
        answers.put("eu-west-1", () -> {
            throw new UnavailableException("cannot reach S3");
        });
        RegionalReads forced = new RegionalReads(List.of("us-east-1", "eu-west-1"), "eu-west-1", true,
                DownMarks.NONE, notices::add);
        assertThatThrownBy(() -> read(forced)).isInstanceOf(UnavailableException.class);
        assertThat(asked).containsExactly("eu-west-1");
    }

    @Test
    void aRegionFoundOut_isMarkedInAnOwnerOnlyFile_triedLastForAMinute() throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Path folder = dir.resolve("cache/messer/regions");
        FileDownMarks marks = new FileDownMarks(folder, region -> "acme-secrets-" + region,
                Clock.fixed(now, ZoneOffset.UTC));
        answers.put("us-east-1", () -> {
            throw new UnavailableException("no first byte in time");
        });
        read(reads("us-east-1", marks));
        Path mark = folder.resolve("us-east-1_acme-secrets-us-east-1.down");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mark))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        asked.clear();
        assertThat(read(reads("us-east-1", marks))).contains("from eu-west-1");
        assertThat(asked).containsExactly("eu-west-1");
        FileDownMarks later = new FileDownMarks(folder, region -> "acme-secrets-" + region,
                Clock.fixed(now.plus(FileDownMarks.REMEMBERED).plusSeconds(1), ZoneOffset.UTC));
        assertThat(later.isDown("us-east-1")).isFalse();
        assertThat(marks.mark("../x")).as("no path out of the folder").isNull();
    }
}
