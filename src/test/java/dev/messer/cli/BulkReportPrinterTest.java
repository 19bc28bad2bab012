package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.bulk.BulkReport;
import dev.messer.bulk.ConcurrencyTrace;
import dev.messer.bulk.ItemPath;
import dev.messer.bulk.ItemResult;
import dev.messer.bulk.ResultCounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkReportPrinterTest {

    @Test
    void failuresBeyondTheListedOnes_areCountedInOneLine_andTheRunExits1() {
        ResultCounts counts = new ResultCounts(500, 0, 0, 1500,
                List.of(ItemResult.failed(new ItemPath("web", "a"), "access denied")), 1499);
        BulkReport report = new BulkReport("re-encrypt", false, counts, List.of(), 1, 1, List.of(), Duration.ofSeconds(2),
                ConcurrencyTrace.fixed(8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                CliRun.noTerminal(), Map.of());

        int exit = BulkReportPrinter.print(console, report, new BulkFlags());

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(errors).contains("failed web/a: access denied")
                .contains("1499 more failed or skipped items not listed; run the command again to retry them");
        assertThat(out.toString(StandardCharsets.UTF_8) + errors).contains("500 done, 0 skipped, 1500 failed");
    }
}
