package dev.messer.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers every request with one fixed AWS response: an error for the
 * failures moto cannot produce (throttling, a disabled key, rejected credentials, IAM refusals), or
 * a crafted answer moto does not give (versions and delete markers interleaved as S3 lists them).
 * The SDK speaks its real protocol to it; only the answer is fixed.
 */
final class FaultyAwsEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

    private FaultyAwsEndpoint(int status, String contentType, String body) {
        this(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private FaultyAwsEndpoint(int status, String contentType, byte[] bytes, Map<String, String> answerHeaders) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Map<String, List<String>> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            seen.putAll(exchange.getRequestHeaders());
            headers.add(seen);
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.getResponseHeaders().add("x-amzn-RequestId", "faulty-" + requests.get());
            answerHeaders.forEach(exchange.getResponseHeaders()::add);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** An S3 (REST-XML) error. */
    static FaultyAwsEndpoint s3Error(int status, String code, String message) {
        return new FaultyAwsEndpoint(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>r1</RequestId></Error>");
    }

    /** A successful S3 (REST-XML) answer with this body. */
    static FaultyAwsEndpoint s3Answer(String xml) {
        return new FaultyAwsEndpoint(200, "application/xml", xml);
    }

    /** A successful S3 GetObject: the object's bytes as they travel, with these headers (ETag, metadata...). */
    static FaultyAwsEndpoint s3Object(byte[] bytes, Map<String, String> headers) {
        return new FaultyAwsEndpoint(200, "application/octet-stream", bytes, headers);
    }

    /** A KMS (JSON 1.1) error. */
    static FaultyAwsEndpoint kmsError(int status, String type, String message) {
        return new FaultyAwsEndpoint(status, "application/x-amz-json-1.1",
                "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    /** An STS (query protocol) error. */
    static FaultyAwsEndpoint stsError(int status, String code, String message) {
        return new FaultyAwsEndpoint(status, "text/xml", "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>r1</RequestId></ErrorResponse>");
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The headers of every request received, in order. */
    List<Map<String, List<String>>> headers() {
        return List.copyOf(headers);
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
