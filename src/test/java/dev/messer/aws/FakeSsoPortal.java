package dev.messer.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The IAM Identity Center portal's {@code GetRoleCredentials} and the SSO OIDC token service's
 * {@code CreateToken}, which moto does not offer, on loopback: the portal hands out credentials for
 * one access token and answers any other with its {@code UnauthorizedException}; the token service
 * renews any refresh token to that access token. The SDK speaks its real protocols to it.
 */
final class FakeSsoPortal implements AutoCloseable {

    private final HttpServer server;
    private final String accessToken;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger renewals = new AtomicInteger();

    FakeSsoPortal(String accessToken) {
        this.accessToken = accessToken;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** "GET /federation/credentials?account_id=...&role_name=..." for each request. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many times the token service renewed the access token (SSO OIDC {@code CreateToken}). */
    int renewals() {
        return renewals.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        if (exchange.getRequestURI().getPath().equals("/token")) {
            renewals.incrementAndGet();
            send(exchange, 200, "{\"accessToken\":\"" + accessToken + "\",\"expiresIn\":3600,\"tokenType\":\"Bearer\","
                    + "\"refreshToken\":\"refresh-2\"}");
            return;
        }
        String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
        if (!exchange.getRequestURI().getPath().equals("/federation/credentials") || !accessToken.equals(token)) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "UnauthorizedException");
            send(exchange, 401, "{\"message\":\"Session token not found or invalid\"}");
            return;
        }
        long expiration = Instant.now().plus(1, ChronoUnit.HOURS).toEpochMilli();
        send(exchange, 200, "{\"roleCredentials\":{\"accessKeyId\":\"ASIASSOFAKE\",\"secretAccessKey\":\"testing\","
                + "\"sessionToken\":\"sso-session-token\",\"expiration\":" + expiration + "}}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
