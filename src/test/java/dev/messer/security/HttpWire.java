package dev.messer.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** How {@link FaultProxy} reads and rewrites HTTP/1.1 messages: heads, bodies (plain or chunked), lines. */
final class HttpWire {

    private static final int MAX_HEAD = 64 * 1024;

    private HttpWire() {
    }

    /** The request head as relayed: its own length, no expectation, and {@code Connection: close}. */
    static byte[] rewriteHead(String[] lines, int bodyLength) {
        StringBuilder head = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(Locale.ROOT);
            if (lines[i].isEmpty() || lower.startsWith("connection:") || lower.startsWith("expect:")
                    || lower.startsWith("transfer-encoding:") || lower.startsWith("content-length:")) {
                continue;
            }
            head.append(lines[i]).append("\r\n");
        }
        head.append("Content-Length: ").append(bodyLength).append("\r\nConnection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The bytes up to and including the blank line, or null at end of stream. */
    static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : head.toByteArray();
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too large");
            }
        }
        return head.toByteArray();
    }

    static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return in.readNBytes(length);
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
