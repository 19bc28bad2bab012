package dev.messer.recovery;

import dev.messer.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** PEM text (RFC 7468): one labelled base64 block. */
final class Pem {

    private Pem() {
    }

    /** The DER bytes of the block labelled {@code label}, if the text holds one. */
    static Optional<byte[]> block(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (from < 0 || to < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the " + label + " block is not valid base64");
        }
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
