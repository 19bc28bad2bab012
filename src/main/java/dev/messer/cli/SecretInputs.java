package dev.messer.cli;

import dev.messer.error.UnavailableException;
import dev.messer.exec.ChildEnvironment;
import dev.messer.files.FileTrust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secrets a caller hands messer: the passphrase of a local master key and an MFA code. Each comes
 * in one of these ways: a variable ({@code MESSER_PASSPHRASE}, {@code MESSER_MFA_TOKEN}), a descriptor
 * open for reading ({@code MESSER_PASSPHRASE_FD}, {@code MESSER_MFA_TOKEN_FD}) or, for the passphrase,
 * a file only its owner can read ({@code MESSER_PASSPHRASE_FILE}). bin/messer turns the variables into
 * descriptors before the JVM starts, so that no value is in the starting environment of any process
 * ({@code /proc/PID/environ}). Descriptors and the file are read to their end when messer starts,
 * before any child exists; the values then join the environment the commands see, under the
 * variable's name, and {@link dev.messer.exec.ChildEnvironment} keeps all these names from every child.
 */
final class SecretInputs {

    /** The most a descriptor or file may hold: a passphrase, not a document. */
    static final int MAX_BYTES = 64 * 1024;

    static final String PASSPHRASE = "MESSER_PASSPHRASE";
    static final String PASSPHRASE_FD = "MESSER_PASSPHRASE_FD";
    static final String PASSPHRASE_FILE = "MESSER_PASSPHRASE_FILE";
    static final String MFA_TOKEN = "MESSER_MFA_TOKEN";
    static final String MFA_TOKEN_FD = "MESSER_MFA_TOKEN_FD";

    /** Every variable this class reads. */
    static final List<String> VARIABLES = List.of(PASSPHRASE, PASSPHRASE_FD, PASSPHRASE_FILE, MFA_TOKEN, MFA_TOKEN_FD);

    private static final Pattern DESCRIPTOR = Pattern.compile("[0-9]{1,9}");

    private final Map<String, String> process;
    private final Path descriptors;
    private final FileTrust trust;

    SecretInputs(Map<String, String> process, Path descriptors, FileTrust trust) {
        this.process = process;
        this.descriptors = descriptors;
        this.trust = trust;
    }

    /** This process's environment with the secrets it was handed, read from their descriptor or file. */
    static Map<String, String> environment(Map<String, String> process) {
        return new SecretInputs(process, Path.of("/dev/fd"), FileTrust.currentUser()).read();
    }

    /**
     * @throws UsageException when a secret is given in two ways, or a descriptor or file is unusable
     * @throws dev.messer.error.AccessDeniedException when others may read or change the file
     */
    Map<String, String> read() {
        Map<String, String> env = new LinkedHashMap<>(process);
        String passphrase = one(PASSPHRASE, PASSPHRASE_FD, PASSPHRASE_FILE);
        String token = one(MFA_TOKEN, MFA_TOKEN_FD, null);
        if (passphrase != null) {
            env.put(PASSPHRASE, passphrase);
        }
        if (token != null) {
            env.put(MFA_TOKEN, token);
        }
        return Collections.unmodifiableMap(env);
    }

    /**
     * The value of the one way that is set (variable, descriptor, file), or null when none is.
     *
     * @param fileVariable null when the secret has no file form
     */
    private String one(String variable, String descriptorVariable, String fileVariable) {
        List<String> set = new ArrayList<>();
        for (String name : Arrays.asList(variable, descriptorVariable, fileVariable)) {
            String value = name == null ? null : process.get(name);
            if (value != null && !value.isEmpty()) {
                set.add(name);
            }
        }
        if (set.size() > 1) {
            throw new UsageException(String.join(" and ", set) + (set.size() == 2 ? " are both set" : " are all set")
                    + "; unset all but one of them");
        }
        if (set.isEmpty()) {
            return null;
        }
        String name = set.get(0);
        if (name.equals(variable)) {
            return process.get(variable);
        }
        return name.equals(descriptorVariable) ? fromDescriptor(name) : fromFile(name);
    }

    private String fromDescriptor(String name) {
        String number = process.get(name);
        if (!DESCRIPTOR.matcher(number).matches()) {
            throw new UsageException(name + " is not a descriptor number; give one open for reading, as in '" + name
                    + "=3 messer ... 3<FILE'");
        }
        Path descriptor = descriptors.resolve(number);
        try (InputStream in = Files.newInputStream(descriptor)) {
            return text(in, name + "=" + number, "descriptor");
        } catch (NoSuchFileException e) {
            throw new UsageException(name + "=" + number + " names no open descriptor; open it for messer, as in '"
                    + name + "=" + number + " messer ... " + number + "<FILE'");
        } catch (IOException e) {
            throw new UnavailableException("cannot read descriptor " + number + " (" + name + "): " + e.getMessage(),
                    e);
        }
    }

    private String fromFile(String name) {
        Path file = Path.of(process.get(name));
        trust.requireSecretFile(file, name);
        try (InputStream in = Files.newInputStream(file)) {
            return text(in, name + " " + file, "file");
        } catch (NoSuchFileException e) {
            throw new UsageException(name + " " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new UnavailableException("cannot read " + name + " " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The whole input as the environment's text would be (the platform's encoding for variables),
     * without one final line break.
     */
    private static String text(InputStream in, String what, String kind) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        try {
            if (bytes.length > MAX_BYTES) {
                throw new UsageException(what + " holds more than " + MAX_BYTES + " bytes; give a " + kind
                        + " that holds only the secret");
            }
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\n') {
                end--;
                if (end > 0 && bytes[end - 1] == '\r') {
                    end--;
                }
            }
            if (end == 0) {
                throw new UsageException(what + " gives an empty secret; put the secret in the " + kind);
            }
            return new String(bytes, 0, end, ChildEnvironment.charset());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
