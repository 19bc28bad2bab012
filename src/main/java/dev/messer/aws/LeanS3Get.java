package dev.messer.aws;

import dev.messer.store.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * S3 GetObject as one signed request ({@link SignedCalls}), sent as the S3 client sends it: to the
 * same address (the endpoint override or the region's public endpoint, path-style when
 * {@code path_style} is set or the bucket's name has a dot), with {@code x-amz-expected-bucket-owner}
 * when {@code expected_bucket_owner} is set, the CRC32 of its empty body as the client sends it, and
 * asking for the MD5 trailer the client checks ({@code x-amz-te: append-md5}; S3 appends it and says
 * so with {@code x-amz-transfer-encoding}).
 *
 * <p>A failed answer is mapped, not redone: S3's XML error becomes the exception the S3 client
 * throws ({@code NoSuchKeyException} for NoSuchKey, else an {@code S3Exception} with S3's code,
 * message, status and request id), and a 403 over a plain-HTTP endpoint is named as
 * {@link PlainHttpRefusal} names it; {@link S3BlobStore} translates both paths with the same code.
 */
final class LeanS3Get implements ObjectGet {

    static final String TRAILER_REQUEST = "x-amz-te";
    static final String TRAILER_ANSWER = "x-amz-transfer-encoding";
    private static final String APPEND_MD5 = "append-md5";
    private static final int MD5_BYTES = 16;
    private static final String META = "x-amz-meta-";
    /** The request checksum the S3 client sends with a GetObject: the CRC32 of its empty body. */
    private static final String EMPTY_CHECKSUM_HEADER = "x-amz-checksum-crc32";
    private static final String EMPTY_CRC32 = "AAAAAA==";

    private final SignedCalls calls;
    private final URI endpoint;
    private final boolean pathStyle;
    private final Optional<String> expectedOwner;
    private final Optional<PlainHttpRefusal> plainHttp;

    /** @param endpoint the endpoint override, or the region's public endpoint ({@code https://s3.REGION.amazonaws.com}) */
    LeanS3Get(SignedCalls calls, URI endpoint, boolean pathStyle, Optional<String> expectedOwner) {
        this.calls = calls;
        this.endpoint = endpoint;
        this.pathStyle = pathStyle;
        this.expectedOwner = expectedOwner;
        this.plainHttp = "http".equals(endpoint.getScheme()) ? Optional.of(new PlainHttpRefusal(endpoint))
                : Optional.empty();
    }

    @Override
    public Fetched get(String bucket, String key, String versionId) {
        SignedCalls.Answer answer = calls.call(request(bucket, key, versionId), null, (response, body) -> {
            AwsServiceException e = error(response, body);
            return plainHttp.map(p -> p.named(e, "GetObject", bucket, key)).orElse(e);
        });
        SdkHttpResponse response = answer.response();
        Long length = response.firstMatchingHeader("Content-Length").map(Long::valueOf).orElse(null);
        boolean trailer = response.firstMatchingHeader(TRAILER_ANSWER).filter(APPEND_MD5::equalsIgnoreCase).isPresent();
        if (trailer && length != null) {
            length -= MD5_BYTES;
        }
        InputStream content = answer.content();
        if (trailer && (length == null || length <= BlobStore.MAX_OBJECT_BYTES)) {
            content = checked(content);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        response.headers().forEach((name, values) -> {
            if (name.regionMatches(true, 0, META, 0, META.length()) && !values.isEmpty()) {
                metadata.put(name.substring(META.length()), values.get(0));
            }
        });
        boolean deleteMarker = response.firstMatchingHeader("x-amz-delete-marker").filter("true"::equals).isPresent();
        return new Fetched(deleteMarker, length, response.firstMatchingHeader("ETag").orElse(null), metadata, content,
                answer.abort());
    }

    private SdkHttpFullRequest request(String bucket, String key, String versionId) {
        boolean virtualHost = !pathStyle && !bucket.contains(".");
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol(endpoint.getScheme())
                .host(virtualHost ? bucket + "." + endpoint.getHost() : endpoint.getHost())
                .port(endpoint.getPort() < 0 ? null : endpoint.getPort())
                .encodedPath(base + (virtualHost ? "" : "/" + bucket) + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key))
                .putHeader(TRAILER_REQUEST, APPEND_MD5)
                .putHeader(EMPTY_CHECKSUM_HEADER, EMPTY_CRC32);
        if (versionId != null) {
            request.putRawQueryParameter("versionId", versionId);
        }
        expectedOwner.ifPresent(account -> request.putHeader(ExpectedBucketOwner.HEADER, account));
        return request.build();
    }

    /** The content without its MD5 trailer, once the trailer matches; the SDK's failure when it does not. */
    private static InputStream checked(InputStream content) {
        try (InputStream in = content) {
            byte[] all = in.readNBytes(BlobStore.MAX_OBJECT_BYTES + MD5_BYTES + 1);
            if (all.length < MD5_BYTES) {
                throw SdkClientException.create("Data read has a different checksum than expected.");
            }
            byte[] body = Arrays.copyOf(all, all.length - MD5_BYTES);
            byte[] trailer = Arrays.copyOfRange(all, all.length - MD5_BYTES, all.length);
            byte[] computed = MessageDigest.getInstance("MD5").digest(body);
            if (!MessageDigest.isEqual(computed, trailer)) { // the S3 client's words
                throw SdkClientException.create("Data read has a different checksum than expected. Was 0x"
                        + BinaryUtils.toHex(computed) + ", but expected 0x" + BinaryUtils.toHex(trailer)
                        + ". This commonly means that the data was corrupted between the client and service.");
            }
            return new ByteArrayInputStream(body);
        } catch (IOException e) {
            throw SdkClientException.create("Unable to read the object: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no MD5", e);
        }
    }

    /** S3's XML error as the S3 client reads it: {@code NoSuchKeyException} for NoSuchKey, else an S3Exception. */
    static AwsServiceException error(SdkHttpResponse response, byte[] body) {
        String xml = new String(body, StandardCharsets.UTF_8);
        String code = element(xml, "Code");
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code).errorMessage(element(xml, "Message"))
                .serviceName("S3").sdkHttpResponse(response).build();
        AwsServiceException.Builder builder = "NoSuchKey".equals(code) ? NoSuchKeyException.builder()
                : S3Exception.builder();
        return builder.awsErrorDetails(details).statusCode(response.statusCode())
                .requestId(response.firstMatchingHeader("x-amz-request-id").orElse(null))
                .message(details.errorMessage()).build();
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
