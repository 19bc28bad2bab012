package dev.messer.security;

import dev.messer.cli.Cli;
import dev.messer.cli.CommandTree;
import dev.messer.cli.Console;
import dev.messer.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Child process for {@link LocalStoreCrashIT}: replaces items with {@code data bag from file local BAG -
 * --force} through the CLI, as fast as it can, forever, until it is killed. Every item holds its
 * write counter (from {@code args[0]}) and a padding of varying length, so old and new contents
 * differ in size. Prints
 * {@code ready} after the first successful write.
 */
public final class ForceUploadLoop {

    static final String BAG = "crash";
    static final int ITEMS = 4;

    private ForceUploadLoop() {
    }

    public static void main(String[] args) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        boolean announced = false;
        long start = args.length > 0 ? Long.parseLong(args[0]) : 0;
        for (long n = start; ; n++) {
            String id = "item-" + (n % ITEMS);
            String item = "{\"id\":\"" + id + "\",\"n\":" + n + ",\"pad\":\"" + "p".repeat((int) (n * 7919 % 30_000))
                    + "\"}";
            Console console = new Console(quiet, quiet, new ByteArrayInputStream(item.getBytes(StandardCharsets.UTF_8)),
                    Terminal.system(), System.getenv());
            int exit = new Cli(console, CommandTree.standard()).run("data", "bag", "from", "file", "local", BAG, "-",
                    "--secret-file", "app", "--force");
            if (exit != 0) {
                System.out.println("failed " + exit);
                System.exit(3);
            }
            if (!announced && n >= start + ITEMS) {
                System.out.println("ready");
                System.out.flush();
                announced = true;
            }
        }
    }
}
