package dev.messer.regions;

/** Which regions were found out lately, so that the next commands of a pipeline try them last. */
public interface DownMarks {

    /** Marks nothing and remembers nothing. */
    DownMarks NONE = new DownMarks() {
        @Override
        public boolean isDown(String region) {
            return false;
        }

        @Override
        public void markDown(String region) {
        }
    };

    /** Whether {@code region} was found out a short time ago. */
    boolean isDown(String region);

    /** Remembers that {@code region} did not answer; best effort, a failure to remember is not an error. */
    void markDown(String region);
}
