package dev.messer.cli;

/** Entry point of {@code bin/messer}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        int status = Cli.runWithSystem(args);
        StartupTrace.end();
        System.exit(status);
    }
}
