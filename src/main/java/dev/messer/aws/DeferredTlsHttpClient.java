package dev.messer.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The HTTP client every AWS client shares. The SDK's URL-connection client builds its TLS context,
 * reading the whole trust store, when it is constructed; a command that only talks plain HTTP (an
 * emulator on loopback, see {@code allow_http}) never needs one. So plain-HTTP requests go through
 * a client that opens plain connections with the same timeouts, and the TLS client is built on the
 * first https request, once. When a proxy is configured (the {@code http.proxyHost} property or
 * {@code HTTP_PROXY}, which the SDK's client honours), every request goes through the SDK's client
 * as before. Which requests may use plain HTTP is decided elsewhere ({@link AwsEndpoints},
 * {@link PlainHttpRefusal}); this class only routes them.
 */
final class DeferredTlsHttpClient implements SdkHttpClient {

    private final Supplier<SdkHttpClient> tlsFactory;
    private final SdkHttpClient plain;
    private SdkHttpClient tls;

    DeferredTlsHttpClient(Duration connectTimeout, Duration readTimeout) {
        this(() -> UrlConnectionHttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(readTimeout)
                .build(), connectTimeout, readTimeout);
    }

    DeferredTlsHttpClient(Supplier<SdkHttpClient> tlsFactory, Duration connectTimeout, Duration readTimeout) {
        this.tlsFactory = tlsFactory;
        boolean proxied = ProxyConfiguration.builder().build().host() != null;
        this.plain = proxied ? null : UrlConnectionHttpClient.create(uri -> plainConnection(uri, connectTimeout, readTimeout));
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        boolean secure = !"http".equalsIgnoreCase(request.httpRequest().protocol());
        return transportFailuresChecked((secure || plain == null ? tls() : plain).prepareRequest(request));
    }

    /**
     * The JDK-based client throws some failures of a broken connection (writing the body, reading
     * the status) as {@link UncheckedIOException}, which the SDK neither retries nor wraps: it would
     * escape every caller's handling of {@code SdkException}. Thrown as the {@link IOException} it
     * carries, it is retried and reported like any other connection failure.
     */
    static ExecutableHttpRequest transportFailuresChecked(ExecutableHttpRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    return request.call();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }

            @Override
            public void abort() {
                request.abort();
            }
        };
    }

    /** Whether the TLS client was built, that is whether an https request was made. */
    synchronized boolean tlsBuilt() {
        return tls != null;
    }

    private synchronized SdkHttpClient tls() {
        if (tls == null) {
            tls = tlsFactory.get();
        }
        return tls;
    }

    private static HttpURLConnection plainConnection(URI uri, Duration connectTimeout, Duration readTimeout) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalStateException("the plain-HTTP client was handed a " + uri.getScheme() + " address");
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(millis(connectTimeout));
            connection.setReadTimeout(millis(readTimeout));
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, duration.toMillis()));
    }

    @Override
    public String clientName() {
        return "UrlConnection";
    }

    @Override
    public synchronized void close() {
        if (plain != null) {
            plain.close();
        }
        if (tls != null) {
            tls.close();
        }
    }
}
