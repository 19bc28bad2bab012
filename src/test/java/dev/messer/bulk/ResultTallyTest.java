package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResultTallyTest {

    private static ItemPath item(int i) {
        return new ItemPath("bag" + (i % 7), String.format("item%05d", i));
    }

    @Test
    void realRun_keepsNoDoneOrUpToDateResult_onlyTheirCounts() {
        ResultTally tally = new ResultTally(false, 10);
        IntStream.range(0, 20_000).forEach(i -> tally.add(i % 2 == 0
                ? ItemResult.done(item(i), "re-encrypted app v0 -> app v1")
                : ItemResult.upToDate(item(i), "already on app v1")));

        ResultCounts counts = tally.counts();

        assertThat(counts.done()).isEqualTo(10_000);
        assertThat(counts.skipped()).isEqualTo(10_000);
        assertThat(counts.upToDate()).isEqualTo(10_000);
        assertThat(counts.total()).isEqualTo(20_000);
        assertThat(counts.listed()).isEmpty();
        assertThat(counts.unlisted()).isZero();
    }

    @Test
    void realRun_listsFailuresUpToTheBound_andCountsTheRest() {
        ResultTally tally = new ResultTally(false, 10);
        IntStream.range(0, 20_000).forEach(i -> tally.add(i % 4 == 0
                ? ItemResult.skipped(item(i), "changed since it was read")
                : ItemResult.failed(item(i), "access denied")));

        ResultCounts counts = tally.counts();

        assertThat(counts.failed()).isEqualTo(15_000);
        assertThat(counts.skipped()).isEqualTo(5_000);
        assertThat(counts.listed()).hasSize(10).isSortedAccordingTo(ResultCounts.BY_PATH);
        assertThat(counts.unlisted()).isEqualTo(19_990);
    }

    @Test
    void dryRun_listsEveryItem_sinceItPrintsOneLineEach() {
        ResultTally tally = new ResultTally(true, 10);
        IntStream.range(0, 50).forEach(i -> tally.add(ItemResult.done(item(i), "re-encrypt app v0 -> app v1")));

        assertThat(tally.counts().listed()).hasSize(50);
        assertThat(tally.counts().unlisted()).isZero();
    }

    @Test
    void parallelRun_handsEachResultToTheTallyOnce() {
        ResultTally tally = new ResultTally(false, 10);
        try (BulkWorkers workers = new BulkWorkers(AdaptiveConcurrency.pinned(8), BulkListener.NONE)) {
            workers.forEach("test", 5_000, IntStream.range(0, 5_000).iterator(),
                    i -> i % 1000 == 0 ? ItemResult.failed(item(i), "refused") : ItemResult.done(item(i), "done"),
                    result -> result, (i, result) -> tally.add(result));
        }

        ResultCounts counts = tally.counts();
        assertThat(counts.done()).isEqualTo(4_995);
        assertThat(counts.failed()).isEqualTo(5);
        assertThat(counts.listed()).extracting(r -> r.item().id())
                .containsExactlyInAnyOrder("item00000", "item01000", "item02000", "item03000", "item04000");
    }
}
