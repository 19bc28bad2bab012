package dev.messer.doctor;

/**
 * The outcome of one check of {@code messer doctor}.
 *
 * @param name   what was checked ("master key file")
 * @param status passed, passed with a warning, failed, or skipped because a check it needs failed
 * @param detail what was found, or why it failed
 * @param fix    what to do about a failure or warning (empty otherwise)
 */
public record Check(String name, Status status, String detail, String fix) {

    public enum Status { PASS, WARN, FAIL, SKIP }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
