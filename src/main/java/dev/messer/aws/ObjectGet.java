package dev.messer.aws;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One S3 GetObject, the read {@link S3BlobStore#get} and {@link S3BlobStore#getVersion} make: through
 * the full S3 client ({@link #of}), or as one signed request ({@link LeanS3Get}). Both fail with the
 * SDK's exceptions ({@code NoSuchKeyException}, an {@code S3Exception} with the error code, an
 * {@code SdkClientException} for the network), so the store translates them the same way.
 */
interface ObjectGet {

    /** @param versionId the version to read, or null for the current one */
    Fetched get(String bucket, String key, String versionId) throws SdkException;

    /**
     * An object's answer, its content still to be read.
     *
     * @param contentLength the length S3 gave, or null
     * @param eTag          the entity tag as S3 gave it (quoted)
     */
    record Fetched(boolean deleteMarker, Long contentLength, String eTag, Map<String, String> metadata,
                   InputStream content, Runnable abort) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** The full client's GetObject. */
    static ObjectGet of(S3Client client) {
        return (bucket, key, versionId) -> {
            ResponseInputStream<GetObjectResponse> object = client.getObject(r -> r.bucket(bucket).key(key)
                    .versionId(versionId));
            GetObjectResponse response = object.response();
            return new Fetched(Boolean.TRUE.equals(response.deleteMarker()), response.contentLength(), response.eTag(),
                    response.metadata(), object, object::abort);
        };
    }
}
