package dev.messer.bench;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.crypto.ItemBinding;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sealing and opening one item payload as stored: AES-256-GCM plus the envelope's base64 JSON wire
 * form ({@code encrypt}, {@code decrypt}), and the AEAD alone ({@code sealOnly}, {@code openOnly}),
 * for envelope versions 1 and 2 and items of 1 KiB and 1 MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvelopeBenchmark {

    @Param({"1", "2"})
    public String version;

    @Param({"1024", "1048576"})
    public int size;

    private DataKey key;
    private ItemBinding binding;
    private EnvelopeVersion envelopeVersion;
    private byte[] plaintext;
    private String sealed;
    private Envelope envelope;

    @Setup(Level.Trial)
    public void setUp() {
        key = DataKey.random();
        binding = new ItemBinding("dev", "secrets", "web", "db", "app", 3);
        envelopeVersion = EnvelopeVersion.fromWire(version);
        plaintext = new byte[size];
        new Random(42).nextBytes(plaintext);
        sealed = encrypt();
        envelope = EnvelopeCodec.decode(sealed);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        key.close();
    }

    @Benchmark
    public String encrypt() {
        return EnvelopeCodec.encode(Envelope.seal(envelopeVersion, key, plaintext, binding));
    }

    @Benchmark
    public byte[] decrypt() {
        return EnvelopeCodec.decode(sealed).open(key, binding);
    }

    /** The AEAD alone, without the wire form: shows what the codec costs on large items. */
    @Benchmark
    public Envelope sealOnly() {
        return Envelope.seal(envelopeVersion, key, plaintext, binding);
    }

    @Benchmark
    public byte[] openOnly() {
        return envelope.open(key, binding);
    }
}
