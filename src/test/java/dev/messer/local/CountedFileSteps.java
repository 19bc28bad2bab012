package dev.messer.local;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link FileSteps} on the disk that count their calls and, at one of them, fail before it runs
 * (once, or from then on) or halt the JVM right after it, as a kill would.
 */
final class CountedFileSteps implements FileSteps {

    /** The exit status of a JVM halted after its step. */
    static final int HALTED = 79;

    enum Fault {
        FAIL_ONCE, FAIL_FROM_THEN_ON, HALT_AFTER
    }

    private final int at;
    private final Fault fault;
    private int count;

    CountedFileSteps(int at, Fault fault) {
        this.at = at;
        this.fault = fault;
    }

    /** Whether the step with the fault was reached. */
    synchronized boolean struck() {
        return count >= at;
    }

    @Override
    public Path writeTemporary(Path dir, byte[] content) throws IOException {
        before("write a temporary file in " + dir);
        Path temporary = DiskFileSteps.INSTANCE.writeTemporary(dir, content);
        after();
        return temporary;
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        before("rename " + from.getFileName() + " to " + to.getFileName());
        DiskFileSteps.INSTANCE.rename(from, to);
        after();
    }

    @Override
    public void delete(Path file) throws IOException {
        before("delete " + file.getFileName());
        DiskFileSteps.INSTANCE.delete(file);
        after();
    }

    private synchronized void before(String step) throws IOException {
        count++;
        boolean fails = switch (fault) {
            case FAIL_ONCE -> count == at;
            case FAIL_FROM_THEN_ON -> count >= at;
            case HALT_AFTER -> false;
        };
        if (fails) {
            throw new IOException("injected failure at step " + count + ": " + step);
        }
    }

    private synchronized void after() {
        if (fault == Fault.HALT_AFTER && count == at) {
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
