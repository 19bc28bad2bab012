package dev.messer.edit;

import dev.messer.exec.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The user's editor: {@code $VISUAL}, else {@code $EDITOR}, else {@code vi}. The setting may hold
 * arguments ({@code "code --wait"}), so it runs through {@code sh -c}, with the file as a separate
 * argument (never spliced into the shell text).
 */
public final class Editor {

    private final String command;

    private Editor(String command) {
        this.command = command;
    }

    public static Editor fromEnvironment(Map<String, String> env) {
        for (String name : List.of("VISUAL", "EDITOR")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return new Editor(value.trim());
            }
        }
        return new Editor("vi");
    }

    public String command() {
        return command;
    }

    /**
     * Opens the file (in {@code scratch}) on the terminal and waits. The editor gets the caller's
     * environment without messer's secrets ({@link ChildEnvironment#inherited}). If messer is ended
     * meanwhile, the scratch folder's shutdown hook stops the editor before it wipes the file.
     *
     * @return the editor's exit status
     */
    public int edit(Path file, ScratchFolder scratch, Map<String, String> callerEnvironment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command + " \"$1\"", "messer-editor", file.toString())
                .inheritIO();
        builder.environment().clear();
        builder.environment().putAll(ChildEnvironment.inherited(callerEnvironment));
        scratch.starting();
        try {
            Process process = builder.start();
            scratch.watch(process);
            return process.waitFor();
        } finally {
            scratch.watch(null);
        }
    }
}
