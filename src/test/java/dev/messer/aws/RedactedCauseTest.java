package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RedactedCauseTest {

    @Test
    void theChainKeepsClassesAndFrames_butNoMessage() {
        IllegalStateException original = new IllegalStateException("Failed to refresh",
                new UncheckedIOException("Unrecognized token 'wJalrXUtnFEMIsecret'", new java.io.IOException("secret2")));
        Throwable redacted = RedactedCause.of(original);
        StringWriter printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString()).doesNotContain("wJalrXUtnFEMIsecret").doesNotContain("secret2")
                .doesNotContain("Failed to refresh").contains("java.lang.IllegalStateException (message withheld")
                .contains("java.io.UncheckedIOException (message withheld").contains("java.io.IOException (message withheld")
                .contains("RedactedCauseTest.theChainKeepsClassesAndFrames_butNoMessage");
        assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void aCycleInTheChain_ends() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        Throwable redacted = RedactedCause.of(a);
        assertThat(redacted.getCause()).isNotNull();
        assertThat(redacted.getCause().getCause()).isNull();
        assertThat(RedactedCause.of(null)).isNull();
    }
}
