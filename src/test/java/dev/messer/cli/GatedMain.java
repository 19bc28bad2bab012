package dev.messer.cli;

import java.io.IOException;

/**
 * A child JVM for race tests: starts, prints {@code ready}, waits for one byte on standard input,
 * then runs the CLI with its arguments as {@code bin/messer} would and exits with its status. The
 * wait lines several processes up on the same moment, past their JVM start.
 */
public final class GatedMain {

    private GatedMain() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("ready");
        System.out.flush();
        if (System.in.read() < 0) {
            System.exit(125);
        }
        System.exit(Cli.runWithSystem(args));
    }
}
