package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay the AWS fault tests stand on: it passes requests through, and injects exactly the faults it is armed with. */
class FaultProxyTest {

    private HttpServer upstream;
    private final AtomicInteger received = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            received.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] answer = ("echo " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    private HttpResponse<String> put(FaultProxy proxy, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI upstreamUri() {
        return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
    }

    @Test
    void unarmedRelay_passesRequestsAndBodiesThrough() throws Exception {
        try (FaultProxy proxy = new FaultProxy(upstreamUri())) {
            HttpResponse<String> response = put(proxy, "/bucket/key?x=1", "hello");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("echo PUT /bucket/key?x=1 hello");
            assertThat(proxy.log()).containsExactly("PUT /bucket/key?x=1 -> passed 200");
        }
    }

    @Test
    void armedStatus_answersTheGivenNumberOfMatchingRequests_thenPassesThrough() throws Exception {
        try (FaultProxy proxy = new FaultProxy(upstreamUri())) {
            proxy.inject(r -> r.isS3("PUT", "bucket"), 2, FaultProxy.s3Error(503, "SlowDown"));
            assertThat(put(proxy, "/bucket/a", "1").statusCode()).isEqualTo(503);
            assertThat(put(proxy, "/other/a", "1").statusCode()).isEqualTo(200);
            assertThat(put(proxy, "/bucket/a", "1").body()).contains("<Code>SlowDown</Code>");
            assertThat(put(proxy, "/bucket/a", "1").statusCode()).isEqualTo(200);
            assertThat(received).hasValue(2);
        }
    }

    @Test
    void dropAndCut_failTheRequestWithoutAnAnswer() throws Exception {
        try (FaultProxy proxy = new FaultProxy(upstreamUri())) {
            proxy.inject(r -> true, 1, FaultProxy.drop()).inject(r -> true, 1, FaultProxy.cutMidBody());
            assertThatThrownBy(() -> put(proxy, "/bucket/a", "1")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> put(proxy, "/bucket/a", "0123456789")).isInstanceOf(IOException.class);
            assertThat(proxy.log()).containsExactly("PUT /bucket/a -> dropped",
                    "PUT /bucket/a -> cut after 5 of 10 body bytes");
        }
    }

    @Test
    void delay_holdsTheRequestThenPassesIt() throws Exception {
        try (FaultProxy proxy = new FaultProxy(upstreamUri())) {
            proxy.inject(r -> true, 1, FaultProxy.delay(Duration.ofMillis(200)));
            assertThat(put(proxy, "/bucket/a", "x").statusCode()).isEqualTo(200);
            assertThat(proxy.log()).containsExactly("PUT /bucket/a -> passed 200 after 200 ms");
        }
    }

    @Test
    void answerLost_letsTheRequestTakeEffect_runsTheMeanwhile_andAnswersWithTheFault() throws Exception {
        try (FaultProxy proxy = new FaultProxy(upstreamUri())) {
            AtomicInteger seenMeanwhile = new AtomicInteger(-1);
            proxy.inject(r -> true, 1, FaultProxy.answerLost(() -> seenMeanwhile.set(received.get()),
                    FaultProxy.s3Error(500, "InternalError")));
            HttpResponse<String> response = put(proxy, "/bucket/a", "stored");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("<Code>InternalError</Code>").doesNotContain("echo");
            assertThat(seenMeanwhile).as("the upstream had the request before the meanwhile ran").hasValue(1);
            assertThat(proxy.log()).containsExactly("PUT /bucket/a -> lost answer 200, answered 500");
        }
    }
}
