package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import dev.messer.files.FileErrors;
import dev.messer.files.FileTrust;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 *
 * <p>A file is trusted as ssh trusts its configuration: one that others may write, or that belongs
 * to a user other than the caller or root, is refused (it can name the folders and endpoints every
 * command uses); a group-writable one is read, and {@link #groupWritable()} says so for a warning.
 */
public final class IniFile {

    public static final String MESSER = "messer";
    public static final String AWS = "aws";
    private static final String PROFILE_PREFIX = "profile ";

    private final Path path;
    private final Ini ini;
    private final IniText text;
    private final boolean groupWritable;

    private IniFile(Path path, Ini ini, IniText text, boolean groupWritable) {
        this.path = path;
        this.ini = ini;
        this.text = text;
        this.groupWritable = groupWritable;
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

    /**
     * @throws ConfigException if the file does not exist, cannot be read or cannot be parsed
     * @throws dev.messer.error.AccessDeniedException if others may write it or another user owns it
     */
    public static IniFile load(Path path) {
        return load(path, FileTrust.currentUser());
    }

    /** @param trust judges who may have changed the file */
    public static IniFile load(Path path, FileTrust trust) {
        if (Files.isDirectory(path)) {
            throw new ConfigException("config file " + path + " is a directory, not an ini file; "
                    + "pass an ini file with -c");
        }
        Ini ini = new Ini();
        ini.setConfig(iniConfig());
        String content;
        boolean groupWritable = Files.exists(path) && trust.checkConfig(path) == FileTrust.ConfigVerdict.GROUP_WRITABLE;
        try {
            content = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            ini.load(new StringReader(content));
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + path + " does not exist",
                    Hint.of("create it with {} or pass another with -c", Hint.command("configure")));
        } catch (InvalidFileFormatException e) {
            throw new ConfigException("config file " + path + " is not a valid ini file (" + FileErrors.firstLine(e.getMessage())
                    + "); fix it or pass another with -c");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + " (" + FileErrors.reason(e)
                    + "); check the path and its permissions, or pass another with -c");
        }
        return new IniFile(path, ini, IniText.parse(content), groupWritable);
    }

    /** An empty file object that {@link #save()} will create. */
    public static IniFile empty(Path path) {
        Ini ini = new Ini();
        ini.setConfig(iniConfig());
        return new IniFile(path, ini, IniText.parse(""), false);
    }

    public Path path() {
        return path;
    }

    /** True when the loaded file may be written by its group: accepted, but worth a warning. */
    public boolean groupWritable() {
        return groupWritable;
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

    /** @throws ConfigException for a control character anywhere, or a bracket in the section name */
    public void set(String section, String option, String value) {
        text.set(section, option, value);
        ini.put(section, option, value);
    }

    /**
     * The first control character of a setting value or profile name as U+XXXX, or null: a line
     * break would add a line of its own, such as another setting, so the writer refuses them.
     */
    public static String controlCharacter(String text) {
        return IniText.controlCharacter(text);
    }

    public void remove(String section, String option) {
        Profile.Section s = ini.get(section);
        if (s != null) {
            s.remove(option);
        }
        text.remove(section, option);
    }

    /**
     * Writes the file atomically with mode 0600, creating its folder with mode 0700. A symbolic link
     * (a dotfiles checkout) is written through: the file it points at is replaced, the link stays.
     */
    public void save() {
        Path target = writeTarget(path);
        Path dir = target.toAbsolutePath().getParent();
        try {
            PrivateFiles.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".messer-ini-", ".tmp", PrivateFiles.ownerOnlyFile());
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    PrivateFiles.writeFully(channel, text.text().getBytes(StandardCharsets.UTF_8));
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write config file " + path + " (" + FileErrors.reason(e) + "); "
                    + FileErrors.fix(e, dir, "check the permissions of its folder"));
        }
    }

    /**
     * The file that writing {@code path} replaces: {@code path} itself, or, when it is a symbolic
     * link, the existing file the link resolves to (a link to nothing is refused: writing through
     * it would create a file wherever it points).
     */
    static Path writeTarget(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return path;
        }
        try {
            Path target = path.toRealPath();
            if (!Files.isRegularFile(target)) {
                throw new ConfigException("config file " + path + " is a symbolic link to " + target + ", which is "
                        + "not a regular file; point the link at an ini file or pass another with -c");
            }
            return target;
        } catch (IOException e) {
            throw new ConfigException("config file " + path + " is a symbolic link to " + linkText(path) + ", which "
                    + "does not resolve (" + FileErrors.reason(e) + "); create that file, or remove the link with 'rm "
                    + path + "', and run the command again");
        }
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
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

}
