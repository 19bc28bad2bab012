package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.InvalidFileFormatException;
import org.ini4j.Profile;

/**
 * A messer.ini read with ini4j: the {@code [messer]} and {@code [aws]} sections of Messer 2.x, and
 * {@code [profile NAME]} sections. Values lose trailing {@code ; comments}. Saving rewrites only the
 * lines that were set (see {@link IniText}): comments, blank lines and other sections stay as written.
 */
public final class IniFile {

    public static final String MESSER = "messer";
    public static final String AWS = "aws";
    private static final String PROFILE_PREFIX = "profile ";

    private final Path path;
    private final Ini ini;
    private final IniText text;

    private IniFile(Path path, Ini ini, IniText text) {
        this.path = path;
        this.ini = ini;
        this.text = text;
    }

    static Config iniConfig() {
        Config config = new Config();
        config.setEscape(false);
        config.setEmptyOption(true);
        config.setComment(true);
        config.setMultiOption(false);
        config.setMultiSection(false);
        config.setLowerCaseOption(false);
        config.setStrictOperator(false);
        return config;
    }

    /** @throws ConfigException if the file does not exist, cannot be read or cannot be parsed */
    public static IniFile load(Path path) {
        if (Files.isDirectory(path)) {
            throw new ConfigException("config file " + path + " is a directory, not an ini file; "
                    + "pass an ini file with -c");
        }
        Ini ini = new Ini();
        ini.setConfig(iniConfig());
        String content;
        try {
            content = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            ini.load(new StringReader(content));
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + path + " does not exist; create it with 'messer configure <provider>'"
                    + " or pass another with -c");
        } catch (InvalidFileFormatException e) {
            throw new ConfigException("config file " + path + " is not a valid ini file (" + firstLine(e.getMessage())
                    + "); fix it or pass another with -c");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + " (" + reason(e)
                    + "); check the path and its permissions, or pass another with -c");
        }
        return new IniFile(path, ini, IniText.parse(content));
    }

    /** An empty file object that {@link #save()} will create. */
    public static IniFile empty(Path path) {
        Ini ini = new Ini();
        ini.setConfig(iniConfig());
        return new IniFile(path, ini, IniText.parse(""));
    }

    public Path path() {
        return path;
    }

    public boolean hasSection(String name) {
        return ini.containsKey(name);
    }

    public static String profileSection(String profile) {
        return PROFILE_PREFIX + profile;
    }

    public List<String> profiles() {
        List<String> names = new ArrayList<>();
        for (String section : ini.keySet()) {
            if (section.startsWith(PROFILE_PREFIX)) {
                names.add(section.substring(PROFILE_PREFIX.length()).trim());
            }
        }
        return names;
    }

    /** The section's options with inline comments removed; empty values dropped. */
    public Map<String, String> section(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        Profile.Section section = ini.get(name);
        if (section == null) {
            return values;
        }
        for (String option : section.keySet()) {
            String value = stripInlineComment(section.get(option));
            if (value != null && !value.isEmpty()) {
                values.put(option.trim(), value);
            }
        }
        return values;
    }

    public void set(String section, String option, String value) {
        ini.put(section, option, value);
        text.set(section, option, value);
    }

    public void remove(String section, String option) {
        Profile.Section s = ini.get(section);
        if (s != null) {
            s.remove(option);
        }
        text.remove(section, option);
    }

    /** Writes the file atomically with mode 0600, creating its folder with mode 0700. */
    public void save() {
        try {
            Path dir = path.toAbsolutePath().getParent();
            PrivateFiles.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".messer-ini-", ".tmp",
                    PrivateFiles.ownerOnlyFile());
            try {
                Files.write(temp, text.text().getBytes(StandardCharsets.UTF_8));
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write config file " + path + " (" + reason(e)
                    + "); check the permissions of its folder");
        }
    }

    /** Cuts a {@code ;} or {@code #} comment that starts the value or follows whitespace: {@code tier = ; todo} is empty. */
    static String stripInlineComment(String value) {
        if (value == null) {
            return null;
        }
        String v = value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c == ';' || c == '#') && (i == 0 || Character.isWhitespace(v.charAt(i - 1)))) {
                v = v.substring(0, i);
                break;
            }
        }
        return v.trim();
    }

    /** What went wrong, without the path a FileSystemException repeats in its message. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
