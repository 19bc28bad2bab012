package dev.messer.doctor;

/**
 * The outcome of one check of {@code messer doctor}.
 *
 * @param name   what was checked ("master key file")
 * @param status passed, passed with something to know, passed with a warning, failed, or skipped because a
 *               check it needs failed
 * @param detail what was found, or why it failed
 * @param fix    what to do about a failure or warning, or what may be done about the information (empty otherwise)
 */
public record Check(String name, Status status, String detail, String fix) {

    public enum Status { PASS, INFO, WARN, FAIL, SKIP }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
