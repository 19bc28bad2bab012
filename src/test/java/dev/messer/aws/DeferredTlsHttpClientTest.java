package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Plain-HTTP requests never build the TLS client; https requests build it once and use it. */
class DeferredTlsHttpClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HttpServer server;
    private final AtomicInteger tlsBuilds = new AtomicInteger();
    private final List<URI> tlsRequests = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("got " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void plainHttpRequest_isAnsweredWithoutBuildingTheTlsClient() throws IOException {
        try (DeferredTlsHttpClient client = new DeferredTlsHttpClient(this::recordingTlsClient, TIMEOUT, TIMEOUT)) {
            HttpExecuteResponse response = client.prepareRequest(get(URI.create(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/bucket/item"))).call();

            assertThat(response.httpResponse().statusCode()).isEqualTo(200);
            try (InputStream body = response.responseBody().orElseThrow()) {
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("got /bucket/item");
            }
            assertThat(tlsBuilds).hasValue(0);
            assertThat(client.tlsBuilt()).isFalse();
        }
    }

    @Test
    void httpsRequests_buildTheTlsClientOnce_andGoThroughIt() {
        try (DeferredTlsHttpClient client = new DeferredTlsHttpClient(this::recordingTlsClient, TIMEOUT, TIMEOUT)) {
            client.prepareRequest(get(URI.create("https://s3.us-east-1.amazonaws.com/a")));
            client.prepareRequest(get(URI.create("https://kms.us-east-1.amazonaws.com/")));

            assertThat(tlsBuilds).hasValue(1);
            assertThat(client.tlsBuilt()).isTrue();
            assertThat(tlsRequests).extracting(URI::getHost)
                    .containsExactly("s3.us-east-1.amazonaws.com", "kms.us-east-1.amazonaws.com");
        }
    }

    @Test
    void plainHttpRequest_keepsTheReadTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DeferredTlsHttpClient client = new DeferredTlsHttpClient(this::recordingTlsClient, TIMEOUT,
                     Duration.ofMillis(300))) {
            ExecutableHttpRequest request = client.prepareRequest(get(URI.create(
                    "http://127.0.0.1:" + silent.getLocalPort() + "/slow")));

            assertThatThrownBy(request::call).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void withAProxyConfigured_plainHttpGoesThroughTheSdkClientAsBefore() {
        String before = System.getProperty("http.proxyHost");
        System.setProperty("http.proxyHost", "proxy.example.internal");
        try (DeferredTlsHttpClient client = new DeferredTlsHttpClient(this::recordingTlsClient, TIMEOUT, TIMEOUT)) {
            client.prepareRequest(get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x")));

            assertThat(tlsBuilds).hasValue(1);
            assertThat(tlsRequests).extracting(URI::getPath).containsExactly("/x");
        } finally {
            if (before == null) {
                System.clearProperty("http.proxyHost");
            } else {
                System.setProperty("http.proxyHost", before);
            }
        }
    }

    private SdkHttpClient recordingTlsClient() {
        tlsBuilds.incrementAndGet();
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                tlsRequests.add(request.httpRequest().getUri());
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() {
                        throw new UnsupportedOperationException("not sent in this test");
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }

    private static HttpExecuteRequest get(URI uri) {
        return HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build())
                .build();
    }
}
