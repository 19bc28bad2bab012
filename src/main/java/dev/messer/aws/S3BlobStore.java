package dev.messer.aws;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConfigException;
import dev.messer.error.ConflictException;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * A bucket in S3. Conditional writes are S3's own: {@code If-None-Match: *} to create only,
 * {@code If-Match: <etag>} to replace only what was read. With an SSE-KMS key every put asks for
 * server-side encryption under it. The client is fetched on first use.
 */
public final class S3BlobStore implements BlobStore {

    private final Supplier<S3Client> client;
    private final String bucket;
    private final String setting;
    private final Optional<String> sseKmsKeyId;

    /**
     * @param setting      the setting that names the bucket ({@code secrets_bucket}), for messages
     * @param sseKmsKeyId  KMS key for server-side encryption of every put, when set
     */
    public S3BlobStore(Supplier<S3Client> client, String bucket, String setting, Optional<String> sseKmsKeyId) {
        this.client = client;
        this.bucket = bucket;
        this.setting = setting;
        this.sseKmsKeyId = sseKmsKeyId;
    }

    @Override
    public Optional<Blob> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> object = client.get().getObjectAsBytes(r -> r.bucket(bucket).key(key));
            GetObjectResponse response = object.response();
            return Optional.of(new Blob(object.asByteArray(), response.eTag(), response.metadata()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw translate(e, "s3:GetObject", key);
        }
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        try {
            client.get().putObject(request(key, metadata).build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw translate(e, "s3:PutObject", key);
        }
    }

    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        try {
            client.get().putObject(request(key, metadata).ifNoneMatch("*").build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            if (preconditionFailed(e)) {
                throw new AlreadyExistsException(key + " already exists in " + describe(), e);
            }
            throw translate(e, "s3:PutObject", key);
        }
    }

    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        try {
            client.get().putObject(request(key, metadata).ifMatch(etag).build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            if (preconditionFailed(e) || e instanceof NoSuchKeyException) {
                throw new ConflictException(key + " in " + describe() + " changed since it was read", e);
            }
            throw translate(e, "s3:PutObject", key);
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            for (S3Object object : client.get().listObjectsV2Paginator(request).contents()) {
                keys.add(object.key());
            }
        } catch (SdkException e) {
            throw translate(e, "s3:ListBucket", prefix + "*");
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) {
        try {
            client.get().deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw translate(e, "s3:DeleteObject", key);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket;
    }

    private PutObjectRequest.Builder request(String key, Map<String, String> metadata) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key).metadata(metadata);
        sseKmsKeyId.ifPresent(id -> request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(id));
        return request;
    }

    /** 412, or 409 when S3 saw a concurrent conditional write to the same key. */
    private static boolean preconditionFailed(SdkException e) {
        String code = AwsErrors.errorCode(e);
        return code.equals("PreconditionFailed") || code.equals("ConditionalRequestConflict");
    }

    private MesserException translate(SdkException e, String action, String key) {
        String code = AwsErrors.errorCode(e);
        if (code.equals("NoSuchBucket")) {
            return new NotFoundException("bucket " + bucket + " (" + setting + ") does not exist; create it "
                    + "(see docs/aws.md) or correct " + setting + " and region", e);
        }
        if (code.equals("KMS.NotFoundException") || code.equals("KMS.DisabledException")
                || code.equals("KMS.KMSInvalidStateException")) {
            return new ConfigException("S3 cannot use sse_kms_key_id "
                    + sseKmsKeyId.orElse("") + " for " + describe() + "/" + key + " (" + code
                    + "); correct sse_kms_key_id or enable the key", e);
        }
        return AwsErrors.translate(e, "S3", action, describe() + "/" + key);
    }
}
