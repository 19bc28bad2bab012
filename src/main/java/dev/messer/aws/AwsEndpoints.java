package dev.messer.aws;

import dev.messer.config.AwsSettings;
import dev.messer.config.Sourced;
import dev.messer.error.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where each service is reached when not at its public regional endpoint. In order: the
 * per-service setting ({@code s3_endpoint_url}...), {@code endpoint_url} (except for the SSO portal
 * and its token service, which an S3/KMS emulator does not offer), then the SDK's variables
 * {@code AWS_ENDPOINT_URL_<SERVICE>} and {@code AWS_ENDPOINT_URL}.
 *
 * <p>Plain {@code http://} is accepted only for a loopback address (an emulator on this host), unless
 * {@code allow_http = true}: over any other network path, whoever sits on it could read and change
 * every request, wrapped keys and items included.
 */
final class AwsEndpoints {

    private final AwsSettings.Endpoints settings;
    private final AwsEnvironment env;

    AwsEndpoints(AwsSettings.Endpoints settings, AwsEnvironment env) {
        this.settings = settings;
        this.env = env;
    }

    Optional<URI> endpointFor(AwsService service) {
        Sourced<String> perService = switch (service) {
            case S3 -> settings.s3();
            case KMS -> settings.kms();
            case STS -> settings.sts();
            case SSO -> settings.sso();
            case SSO_OIDC, IAM -> null;
        };
        boolean sso = service == AwsService.SSO || service == AwsService.SSO_OIDC;
        if (perService != null && perService.isSet()) {
            return Optional.of(checked(perService.value(), perService.name() + " (from " + perService.from() + ")"));
        }
        if (!sso && settings.all().isSet()) {
            return Optional.of(checked(settings.all().value(), "endpoint_url (from " + settings.all().from() + ")"));
        }
        Optional<String> variable = env.get(service.endpointVariable());
        if (variable.isPresent()) {
            return Optional.of(checked(variable.get(), service.endpointVariable()));
        }
        return env.get("AWS_ENDPOINT_URL").map(value -> checked(value, "AWS_ENDPOINT_URL"));
    }

    private URI checked(String value, String where) {
        URI uri = parse(value, where);
        if (uri.getScheme().equals("http") && !isLoopback(uri.getHost()) && !settings.allowHttp()) {
            throw new ConfigException(where + " is '" + value + "', plain http to a host that is not loopback; "
                    + "use https, or set allow_http = true (MESSER_ALLOW_HTTP=true) if that network path is trusted");
        }
        return uri;
    }

    /** localhost, 127.0.0.0/8 or ::1, judged from the text alone: no name is looked up. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] octets = h.split("\\.");
            return Integer.parseInt(octets[0]) == 127
                    && java.util.Arrays.stream(octets).allMatch(o -> Integer.parseInt(o) <= 255);
        }
        if (h.contains(":")) {
            try {
                return java.net.InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static URI parse(String value, String where) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(where + " is '" + value + "'; it must be a URL such as https://host:port", e);
        }
    }
}
