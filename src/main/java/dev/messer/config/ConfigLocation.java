package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.files.FileErrors;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the configuration file and local data live: {@code -c}, else {@code MESSER_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/messer/messer.ini}, else {@code ~/.config/messer/messer.ini}. The default
 * file is created from the bundled template on first use.
 */
public final class ConfigLocation {

    static final String TEMPLATE_RESOURCE = "/dev/messer/config/messer.ini";

    private final Map<String, String> env;

    public ConfigLocation(Map<String, String> env) {
        this.env = env;
    }

    /** @param flag the {@code -c} value or null */
    public Path resolve(String flag) {
        if (flag != null && !flag.isBlank()) {
            return expandHome(flag);
        }
        String fromEnv = env.get("MESSER_CONFIG");
        if (nonBlank(fromEnv)) {
            return expandHome(fromEnv);
        }
        return defaultFile();
    }

    /** True when {@code -c} or {@code MESSER_CONFIG} names the file: then it must exist and is never created. */
    public boolean isNamed(String flag) {
        return flag != null && !flag.isBlank() || nonBlank(env.get("MESSER_CONFIG"));
    }

    public Path defaultFile() {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home().resolve(".config");
        return base.resolve("messer").resolve("messer.ini");
    }

    /** {@code $XDG_DATA_HOME/messer}, else {@code ~/.local/share/messer}: the default local_root. */
    public Path defaultLocalRoot() {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home().resolve(".local").resolve("share");
        return base.resolve("messer");
    }

    public Path expandHome(String path) {
        String p = path.trim();
        if (p.equals("~")) {
            return home();
        }
        if (p.startsWith("~/")) {
            return home().resolve(p.substring(2));
        }
        return Path.of(p);
    }

    /** Creates the default file from the template if it is missing. @return true if it was created */
    public boolean createFromTemplateIfMissing(Path file) {
        if (Files.exists(file)) {
            return false;
        }
        try (InputStream template = ConfigLocation.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (template == null) {
                throw new IllegalStateException("the configuration template is missing from the jar");
            }
            byte[] text = template.readAllBytes();
            try {
                PrivateFiles.createNew(file, text);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new ConfigException("cannot create config file " + file + " (" + FileErrors.reason(e) + "); "
                    + FileErrors.fix(e, file.toAbsolutePath().getParent(),
                    "check the permissions of its folder, or pass a file with -c"));
        }
    }

    private Path home() {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
