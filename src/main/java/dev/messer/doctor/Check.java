package dev.messer.doctor;

import dev.messer.error.Hint;

/**
 * The outcome of one check of {@code messer doctor}.
 *
 * @param name   what was checked ("master key file")
 * @param status passed, passed with something to know, passed with a warning, failed, or skipped because a
 *               check it needs failed
 * @param detail what was found, or why it failed
 * @param fix    what to do about a failure or warning, or what may be done about what was found
 *               ({@link Hint#NONE} otherwise); its command lines are typed, for the command line to render
 */
public record Check(String name, Status status, String detail, Hint fix) {

    public enum Status { PASS, INFO, WARN, FAIL, SKIP }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
