package dev.messer.cli;

/** Entry point of {@code bin/messer}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = Cli.runWithSystem(args);
        System.exit(status);
    }
}
