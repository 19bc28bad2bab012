package dev.messer.aws;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConfigException;
import dev.messer.error.ConflictException;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.error.UnreachableException;
import java.io.IOException;
import java.net.URI;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.LatestVersion;
import dev.messer.store.VersionListing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * A bucket in S3. Conditional writes are S3's own: {@code If-None-Match: *} to create only,
 * {@code If-Match: <etag>} to replace only what was read; a conditional write whose answer was lost
 * and retried is judged by what the bucket holds ({@link S3ConditionalPut}). With an SSE-KMS key
 * every put asks for server-side encryption under it. The client is fetched on first use.
 */
public final class S3BlobStore implements BlobStore {

    /** The version id S3 gives an object written while the bucket had no versioning. */
    static final String UNVERSIONED = "null";

    private final Supplier<S3Client> client;
    private final Supplier<ObjectGet> reads;
    private final Supplier<Optional<String>> endpoint;
    private final String bucket;
    private final String setting;
    private final Optional<String> sseKmsKeyId;
    private final S3ConditionalPut conditional;

    /**
     * @param setting      the setting that names the bucket ({@code secrets_bucket}), for messages
     * @param sseKmsKeyId  KMS key for server-side encryption of every put, when set
     */
    public S3BlobStore(Supplier<S3Client> client, String bucket, String setting, Optional<String> sseKmsKeyId) {
        this(client, () -> ObjectGet.of(client.get()), () -> endpoint(client), bucket, setting, sseKmsKeyId);
    }

    /**
     * A store whose reads take the factory's lean path while it has built no S3 client
     * ({@link AwsClientFactory#objectGet()}), and whose other calls use its S3 client.
     */
    public S3BlobStore(AwsClientFactory clients, String bucket, String setting, Optional<String> sseKmsKeyId) {
        this(clients::s3, clients::objectGet, () -> clients.endpointOrPublic(AwsService.S3), bucket, setting,
                sseKmsKeyId);
    }

    private S3BlobStore(Supplier<S3Client> client, Supplier<ObjectGet> reads, Supplier<Optional<String>> endpoint,
                        String bucket, String setting, Optional<String> sseKmsKeyId) {
        this.client = client;
        this.reads = reads;
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.setting = setting;
        this.sseKmsKeyId = sseKmsKeyId;
        this.conditional = new S3ConditionalPut(client, this);
    }

    @Override
    public Optional<Blob> get(String key) {
        return read(key, null);
    }

    /** Reads an object of at most {@link BlobStore#MAX_OBJECT_BYTES}, refusing a larger one from its length first. */
    private Blob bounded(String key, ObjectGet.Fetched object) throws IOException {
        Long length = object.contentLength();
        if (length != null && length > MAX_OBJECT_BYTES) {
            object.abort().run();
            throw BlobStore.tooLarge(key, describe(), length);
        }
        byte[] content = object.content().readNBytes(MAX_OBJECT_BYTES + 1);
        if (content.length > MAX_OBJECT_BYTES) {
            object.abort().run();
            throw BlobStore.tooLarge(key, describe(), -1);
        }
        return new Blob(content, object.eTag(), object.metadata());
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        try {
            client.get().putObject(request(key, metadata).build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw translate(e, "s3:PutObject", key);
        }
    }

    /** {@inheritDoc} A write whose answer was lost is judged by {@link S3ConditionalPut}. */
    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        conditional.put(request(key, metadata).ifNoneMatch("*").build(), content,
                e -> new AlreadyExistsException(key + " already exists in " + describe(), e));
    }

    /** {@inheritDoc} A write whose answer was lost is judged by {@link S3ConditionalPut}. */
    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        conditional.put(request(key, metadata).ifMatch(etag).build(), content,
                e -> new ConflictException(key + " in " + describe() + " changed since it was read", e));
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        forEachKey(prefix, keys::add);
        keys.sort(null);
        return keys;
    }

    /** {@inheritDoc} One page of S3's listing (up to 1,000 keys) at a time, in S3's order. */
    @Override
    public void forEachKey(String prefix, Predicate<String> each) {
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            for (ListObjectsV2Response page : client.get().listObjectsV2Paginator(request)) {
                for (S3Object object : page.contents()) {
                    if (!each.test(object.key())) {
                        return;
                    }
                }
            }
        } catch (SdkException e) {
            throw translate(e, "s3:ListBucket", prefix + "*");
        }
    }

    @Override
    public void delete(String key) {
        try {
            client.get().deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw translate(e, "s3:DeleteObject", key);
        }
    }

    /**
     * {@inheritDoc} Newest first by {@code LastModified}; within one second (its precision), in the
     * order S3 listed them ({@link S3ListingOrder}), the entry S3 marks latest first.
     */
    @Override
    public VersionListing versions(String key) {
        List<S3ListingOrder.Entry> entries = new ArrayList<>();
        try {
            ListObjectVersionsRequest request = ListObjectVersionsRequest.builder().bucket(bucket).prefix(key).build();
            for (ListObjectVersionsResponse page : client.get().listObjectVersionsPaginator(request)) {
                S3ListingOrder.entries(page).stream().filter(e -> e.key().equals(key)).forEach(entries::add);
            }
        } catch (SdkException e) {
            throw translate(e, "s3:ListBucketVersions", key);
        }
        // a stable sort: entries of the same second keep S3's order
        entries.sort(Comparator.comparing(S3ListingOrder.Entry::time).reversed()
                .thenComparing(S3ListingOrder.Entry::latest, Comparator.reverseOrder()));
        List<BlobVersion> sorted = entries.stream()
                .map(e -> new BlobVersion(e.versionId(), e.time(), e.deleted(), e.size())).toList();
        boolean kept = sorted.stream().anyMatch(v -> !v.id().equals(UNVERSIONED));
        return new VersionListing(sorted, kept);
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        return read(key, versionId);
    }

    /** The object, or the version {@code versionId} of it when not null; empty when there is none. */
    private Optional<Blob> read(String key, String versionId) {
        try (ObjectGet.Fetched object = reads.get().get(bucket, key, versionId)) {
            if (object.deleteMarker()) {
                object.abort().run();
                return Optional.empty();
            }
            return Optional.of(bounded(key, object));
        } catch (IOException e) {
            throw brokenRead(key, e);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            String code = AwsErrors.errorCode(e);
            // no such version, a malformed version id, or a delete marker (405)
            if (versionId != null
                    && (code.equals("NoSuchVersion") || code.equals("InvalidArgument") || code.equals("MethodNotAllowed"))) {
                return Optional.empty();
            }
            throw translate(e, versionId == null ? "s3:GetObject" : "s3:GetObjectVersion", key);
        }
    }

    /** One ListObjectVersions over the prefix: every version that S3 does not mark as the latest is kept. */
    @Override
    public SortedMap<String, List<BlobVersion>> keptVersions(String prefix) {
        SortedMap<String, List<BlobVersion>> kept = new TreeMap<>();
        try {
            ListObjectVersionsRequest request = ListObjectVersionsRequest.builder().bucket(bucket).prefix(prefix).build();
            for (ListObjectVersionsResponse page : client.get().listObjectVersionsPaginator(request)) {
                for (ObjectVersion v : page.versions()) {
                    if (!Boolean.TRUE.equals(v.isLatest())) {
                        kept.computeIfAbsent(v.key(), k -> new ArrayList<>())
                                .add(new BlobVersion(v.versionId(), v.lastModified(), false, v.size()));
                    }
                }
            }
        } catch (SdkException e) {
            throw translate(e, "s3:ListBucketVersions", prefix + "*");
        }
        return kept;
    }

    /** {@inheritDoc} One ListObjectVersions over the prefix, paged through as the caller moves on. */
    @Override
    public Iterator<LatestVersion> latestVersions(String prefix) {
        return new S3LatestVersions(client.get().listObjectVersionsPaginator(ListObjectVersionsRequest.builder()
                .bucket(bucket).prefix(prefix).build()), this, prefix);
    }

    @Override
    public void purge(String key) {
        for (BlobVersion version : versions(key).versions()) {
            try {
                if (version.id().equals(UNVERSIONED)) {
                    client.get().deleteObject(r -> r.bucket(bucket).key(key));
                } else {
                    client.get().deleteObject(r -> r.bucket(bucket).key(key).versionId(version.id()));
                }
            } catch (SdkException e) {
                throw translate(e, "s3:DeleteObjectVersion", key);
            }
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

    MesserException translate(SdkException e, String action, String key) {
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
        return AwsErrors.translate(e, "S3", endpoint.get(), action, describe() + "/" + key);
    }

    /** The connection broke while the object's content came in. */
    private UnreachableException brokenRead(String key, IOException e) {
        String where = "S3" + endpoint.get().map(url -> " at " + url).orElse("");
        return new UnreachableException(where, "cannot read " + describe() + "/" + key + " from " + where + " ("
                + e.getClass().getSimpleName() + ": " + AwsErrors.oneLine(e.getMessage()) + "); check the network", e);
    }

    /** Where the client sends its calls: the endpoint_url, or the region's endpoint. */
    private static Optional<String> endpoint(Supplier<S3Client> client) {
        try {
            S3ServiceClientConfiguration configuration = client.get().serviceClientConfiguration();
            return Optional.of(configuration.endpointOverride().map(URI::toString)
                    .orElse("https://s3." + configuration.region().id() + ".amazonaws.com"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
