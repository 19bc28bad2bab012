package dev.messer.security;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A fault-injecting HTTP/1.1 relay on loopback, put in front of an emulator: each request is read
 * whole, matched against the armed faults, and then answered with an error, delayed, cut off, or
 * passed through unchanged (except {@code Connection: close}, so that one connection carries one
 * request). Clients sign requests for the relay's address; the emulator does not check signatures.
 * Every connection is bounded by a socket timeout, and the relay stops itself after
 * {@link #MAX_LIFETIME} if a test forgets to close it.
 */
final class FaultProxy implements Closeable {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final int SOCKET_TIMEOUT_MS = 60_000;

    /** What the relay saw of one request. */
    record Request(String method, String target, Map<String, String> headers, int bodyLength, String bodyText) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        /** A KMS JSON call such as {@code Decrypt} (from {@code X-Amz-Target: TrentService.Decrypt}). */
        boolean isKms(String operation) {
            return header("x-amz-target").equals("TrentService." + operation);
        }

        /** An S3 call: the method and a path that starts with {@code /bucket/}. */
        boolean isS3(String method, String bucket) {
            return this.method.equals(method) && header("x-amz-target").isEmpty()
                    && (target.equals("/" + bucket) || target.startsWith("/" + bucket + "/")
                    || target.startsWith("/" + bucket + "?"));
        }

        /** Whether the body holds {@code text} (a KMS call's key id, say). */
        boolean bodyContains(String text) {
            return bodyText.contains(text);
        }

        @Override
        public String toString() {
            String kms = header("x-amz-target");
            return method + " " + target + (kms.isEmpty() ? "" : " " + kms);
        }
    }

    /** What to do with a matching request. */
    interface Fault {
        /** @return a label for the log */
        String apply(FaultProxy proxy, Socket client, byte[] head, byte[] body) throws IOException;
    }

    private record Armed(Predicate<Request> matches, int[] remaining, Fault fault) {
    }

    private final URI upstream;
    private final ServerSocket server;
    private final List<Armed> faults = new CopyOnWriteArrayList<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> requestBodies = new CopyOnWriteArrayList<>();
    private final Map<Socket, Boolean> open = new ConcurrentHashMap<>();
    private final long deadline = System.nanoTime() + MAX_LIFETIME.toNanos();
    private volatile boolean closed;

    FaultProxy(URI upstream) {
        this.upstream = upstream;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Applies {@code fault} to the next {@code times} requests that match (then they pass through again). */
    FaultProxy inject(Predicate<Request> matches, int times, Fault fault) {
        faults.add(new Armed(matches, new int[] {times}, fault));
        return this;
    }

    /** Every request seen, in order, as "METHOD target -> what happened" (waits for requests still being relayed). */
    List<String> log() {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!open.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The body of every request the relay read (what went over the wire towards the emulator). */
    List<byte[]> requestBodies() {
        log();
        return List.copyOf(requestBodies);
    }

    long count(String fragment) {
        return log().stream().filter(line -> line.contains(fragment)).count();
    }

    /** Answers with an AWS error response (no request reaches the emulator). */
    static Fault status(int code, String contentType, String body) {
        return (proxy, client, head, requestBody) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String response = "HTTP/1.1 " + code + " Fault\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + bytes.length + "\r\nx-amzn-RequestId: fault\r\nConnection: close\r\n\r\n";
            OutputStream out = client.getOutputStream();
            out.write(response.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return "answered " + code;
        };
    }

    static Fault s3Error(int code, String errorCode) {
        return status(code, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + errorCode
                + "</Code><Message>injected</Message><RequestId>fault</RequestId></Error>");
    }

    static Fault kmsError(int code, String type) {
        return status(code, "application/x-amz-json-1.1", "{\"__type\":\"" + type + "\",\"message\":\"injected\"}");
    }

    /** Closes the connection without an answer (the request never reaches the emulator). */
    static Fault drop() {
        return (proxy, client, head, body) -> "dropped";
    }

    /** Waits, then passes the request through. */
    static Fault delay(Duration wait) {
        return (proxy, client, head, body) -> {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            return proxy.forward(client, head, body) + " after " + wait.toMillis() + " ms";
        };
    }

    /**
     * Passes the request to the emulator, which acts on it (stores a PUT), throws its answer away,
     * runs {@code meanwhile} (another writer, say), and then answers with {@code answer}: a request
     * whose answer was lost after it took effect.
     */
    static Fault answerLost(Runnable meanwhile, Fault answer) {
        return (proxy, client, head, body) -> {
            String upstream;
            try (Socket up = proxy.connectUpstream()) {
                up.getOutputStream().write(head);
                up.getOutputStream().write(body);
                up.getOutputStream().flush();
                byte[] responseHead = HttpWire.readHead(up.getInputStream());
                up.getInputStream().transferTo(OutputStream.nullOutputStream());
                upstream = responseHead == null ? "?" : new String(responseHead, StandardCharsets.ISO_8859_1).split(" ")[1];
            }
            meanwhile.run();
            return "lost answer " + upstream + ", " + answer.apply(proxy, client, head, body);
        };
    }

    static Fault answerLost(Fault answer) {
        return answerLost(() -> { }, answer);
    }

    /** Sends the emulator the head and half the body, then cuts both connections: a write that dies mid-way. */
    static Fault cutMidBody() {
        return (proxy, client, head, body) -> {
            try (Socket up = proxy.connectUpstream()) {
                OutputStream out = up.getOutputStream();
                out.write(head);
                out.write(body, 0, body.length / 2);
                out.flush();
            }
            return "cut after " + body.length / 2 + " of " + body.length + " body bytes";
        };
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                server.setSoTimeout(1000);
                Socket client = server.accept();
                open.put(client, Boolean.TRUE);
                Thread worker = new Thread(() -> serve(client), "fault-proxy-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (java.net.SocketTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    close();
                }
            } catch (IOException e) {
                if (!closed) {
                    log.add("accept failed: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(SOCKET_TIMEOUT_MS);
            InputStream in = client.getInputStream();
            byte[] rawHead = HttpWire.readHead(in);
            if (rawHead == null) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = new String(rawHead, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            if (headers.getOrDefault("expect", "").equalsIgnoreCase("100-continue")) {
                client.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
            }
            byte[] body = HttpWire.readBody(in, headers);
            requestBodies.add(body);
            Request request = new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "/",
                    Map.copyOf(headers), body.length, new String(body, StandardCharsets.ISO_8859_1));
            byte[] head = HttpWire.rewriteHead(lines, body.length);
            Fault fault = take(request);
            String outcome;
            try {
                outcome = fault == null ? forward(client, head, body) : fault.apply(this, client, head, body);
            } catch (IOException e) {
                outcome = "failed: " + e.getClass().getSimpleName();
            }
            log.add(request + " -> " + outcome);
        } catch (IOException e) {
            if (!closed) {
                log.add("connection failed: " + e.getClass().getSimpleName());
            }
        } finally {
            open.remove(client);
        }
    }

    private synchronized Fault take(Request request) {
        for (Armed armed : faults) {
            if (armed.remaining()[0] > 0 && armed.matches().test(request)) {
                armed.remaining()[0]--;
                return armed.fault();
            }
        }
        return null;
    }

    /** Passes the request to the emulator and its answer back, with {@code Connection: close}. */
    String forward(Socket client, byte[] head, byte[] body) throws IOException {
        try (Socket up = connectUpstream()) {
            OutputStream toUp = up.getOutputStream();
            toUp.write(head);
            toUp.write(body);
            toUp.flush();
            InputStream fromUp = up.getInputStream();
            byte[] responseHead = HttpWire.readHead(fromUp);
            if (responseHead == null) {
                return "no answer from upstream";
            }
            String[] lines = new String(responseHead, StandardCharsets.ISO_8859_1).split("\r\n");
            StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].toLowerCase(Locale.ROOT).startsWith("connection:") && !lines[i].isEmpty()) {
                    rewritten.append(lines[i]).append("\r\n");
                }
            }
            rewritten.append("Connection: close\r\n\r\n");
            OutputStream out = client.getOutputStream();
            out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            fromUp.transferTo(out);
            out.flush();
            String[] status = lines[0].split(" ");
            return "passed " + (status.length > 1 ? status[1] : "?");
        }
    }

    private Socket connectUpstream() throws IOException {
        Socket up = new Socket(upstream.getHost(), upstream.getPort());
        up.setSoTimeout(SOCKET_TIMEOUT_MS);
        return up;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket socket : open.keySet()) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
