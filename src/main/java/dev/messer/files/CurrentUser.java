package dev.messer.files;

/** The numeric user id of this process, or -1 where the platform does not have one. */
final class CurrentUser {

    private static final long UID = lookUp();

    private CurrentUser() {
    }

    static long uid() {
        return UID;
    }

    private static long lookUp() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException e) {
            return -1;
        }
    }
}
