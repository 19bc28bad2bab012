package dev.messer.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Looks for a secret in text and on disk, in the encodings a leak would take. */
final class SecretScan {

    private final List<byte[]> needles = new ArrayList<>();
    private final List<String> textNeedles = new ArrayList<>();

    /** A text secret: found as UTF-8, UTF-16 or in text as it is. */
    static SecretScan forText(String secret) {
        SecretScan scan = new SecretScan();
        scan.textNeedles.add(secret);
        scan.needles.add(secret.getBytes(StandardCharsets.UTF_8));
        scan.needles.add(secret.getBytes(StandardCharsets.UTF_16LE));
        scan.needles.add(secret.getBytes(StandardCharsets.UTF_16BE));
        return scan;
    }

    /** Key bytes: found raw, or in text as hex or base64. */
    static SecretScan forKey(byte[] key) {
        SecretScan scan = new SecretScan();
        scan.needles.add(key.clone());
        for (String text : List.of(HexFormat.of().formatHex(key), HexFormat.of().withUpperCase().formatHex(key),
                Base64.getEncoder().encodeToString(key), Base64.getUrlEncoder().withoutPadding().encodeToString(key))) {
            scan.textNeedles.add(text);
            scan.needles.add(text.getBytes(StandardCharsets.US_ASCII));
        }
        return scan;
    }

    boolean foundIn(String text) {
        return textNeedles.stream().anyMatch(text::contains);
    }

    boolean foundIn(byte[] content) {
        return needles.stream().anyMatch(n -> indexOf(content, n) >= 0);
    }

    /** Every regular file under {@code dir} (modified at or after {@code since}, if given) that holds the secret. */
    List<Path> filesContaining(Path dir, FileTime since) {
        List<Path> hits = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return hits;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    if (since != null && Files.getLastModifiedTime(file).compareTo(since) < 0) {
                        return;
                    }
                    if (Files.size(file) > 16L * 1024 * 1024) {
                        return;
                    }
                    if (foundIn(Files.readAllBytes(file))) {
                        hits.add(file);
                    }
                } catch (IOException | SecurityException e) {
                    // unreadable files of other users in a shared temp folder are not ours
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a folder vanished while walking a shared temp folder; what was read was checked
        }
        return hits;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
