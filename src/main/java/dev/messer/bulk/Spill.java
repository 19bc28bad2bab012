package dev.messer.bulk;

import dev.messer.error.UnavailableException;
import dev.messer.files.FileErrors;
import dev.messer.files.PrivateFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Records that a bulk run passes from one of its passes to the next (or the listing that
 * {@code bulk list}, {@code audit} and {@code compare} go through), kept in a temporary file
 * instead of the heap, so that a run over any number of items holds a fixed amount of them. The
 * file is created with mode 0600 under a random name that must not exist yet, and unlinked as it
 * is opened (the JDK's {@code DELETE_ON_CLOSE} on Unix): no other process can open it by name, and
 * no way the run ends, a {@code kill -9} included, leaves it behind. Records hold names, entity tags,
 * key labels and items as the bucket stores them (ciphertext); never plaintext or a data key.
 * Written by any number of threads, then read once, in the order written.
 *
 * @param <T> the record type
 */
final class Spill<T> implements AutoCloseable, Iterable<T> {

    /** How a record goes to the file and comes back. */
    interface Codec<T> {
        void write(DataOutput out, T record) throws IOException;

        T read(DataInput in) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final Codec<T> codec;
    private final FileChannel channel;
    private final DataOutputStream out;
    private int count;
    private boolean reading;

    private Spill(Path folder, Codec<T> codec, FileChannel channel) {
        this.folder = folder;
        this.codec = codec;
        this.channel = channel;
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    }

    /** A new, empty spill in {@code folder}. @throws UnavailableException when the folder cannot take it */
    static <T> Spill<T> in(Path folder, Codec<T> codec) {
        for (int attempt = 0; ; attempt++) {
            byte[] name = new byte[12];
            RANDOM.nextBytes(name);
            Path file = folder.resolve("messer-bulk-" + HexFormat.of().formatHex(name) + ".tmp");
            try {
                FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE), PrivateFiles.ownerOnlyFile());
                return new Spill<>(folder, codec, channel);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 3) {
                    throw failed(folder, e);
                }
            } catch (IOException | UnsupportedOperationException e) {
                throw failed(folder, e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            }
        }
    }

    /** The folder of {@code java.io.tmpdir}, where runs keep their spills. */
    static Path defaultFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    synchronized void add(T record) {
        if (reading) {
            throw new IllegalStateException("spill written after it was read");
        }
        try {
            codec.write(out, record);
            count++;
        } catch (IOException e) {
            throw failed(folder, e);
        }
    }

    synchronized int size() {
        return count;
    }

    /** The records in the order written; the spill takes no more after this. */
    @Override
    public synchronized Iterator<T> iterator() {
        DataInputStream in;
        try {
            reading = true;
            out.flush();
            channel.position(0);
            in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        } catch (IOException e) {
            throw failed(folder, e);
        }
        int total = count;
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return read < total;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    read++;
                    return codec.read(in);
                } catch (IOException e) {
                    throw failed(folder, e);
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // unlinked at creation: closing only gives the space back
        }
    }

    private static UnavailableException failed(Path folder, IOException e) {
        return new UnavailableException("messer cannot keep its temporary file in " + folder + ": "
                + FileErrors.reason(e) + "; " + FileErrors.fix(e, folder, "choose another folder with "
                + "MESSER_JAVA_OPTS=-Djava.io.tmpdir=DIR and run the command again"), e);
    }
}
