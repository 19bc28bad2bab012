package dev.messer.aws;

import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import dev.messer.error.UnavailableException;
import dev.messer.error.WrittenThenChangedException;
import dev.messer.store.Blob;
import dev.messer.store.BlobVersion;
import dev.messer.store.VersionListing;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The conditional puts of {@link S3BlobStore} ({@code If-None-Match: *}, {@code If-Match}), and what
 * they conclude when S3's answer to a write was lost.
 *
 * <p>A PUT whose answer is lost (a 500 sent after S3 stored the object, a read timeout) is retried
 * by the SDK, and the retry meets the object the first attempt stored: its precondition fails
 * (412). Passing that on would report "nothing was written" about a write that happened. So when
 * a refused call had more than one attempt, the object is read back and compared byte for byte
 * (the ETag cannot tell: under SSE-KMS it is no MD5 of the content). Every sealed item and wrapped
 * key carries a fresh random nonce, so equal bytes can only be this write: the put succeeded. If
 * the current object is someone else's, the newest versions are searched for this write's bytes:
 * found, the write happened and was then changed ({@link WrittenThenChangedException}); not found,
 * nothing of it was stored and the refusal stands. A call that fails outright (a server error or a
 * broken connection on every attempt) may also have stored the object: it too succeeds if the
 * object now holds this write's bytes.
 *
 * <p>A 409 {@code ConditionalRequestConflict} means another conditional write to the key was in
 * flight, possibly this call's own earlier attempt. The Amazon S3 API reference (PutObject,
 * {@code If-Match} and {@code If-None-Match}) advises retrying the upload on a 409; the retry keeps
 * the original condition, so it can only replace what was read, and its answer is judged as above.
 */
final class S3ConditionalPut {

    /** PUTs repeated after a 409, each after a short pause. */
    static final int CONFLICT_RETRIES = 3;
    /** How many of the newest versions are searched for this write's bytes. */
    static final int VERSIONS_SEARCHED = 20;

    private final Supplier<S3Client> client;
    private final S3BlobStore store;

    S3ConditionalPut(Supplier<S3Client> client, S3BlobStore store) {
        this.client = client;
        this.store = store;
    }

    /**
     * Puts {@code content} under {@code request}'s condition.
     *
     * @param refused the error when S3 refused the condition and nothing of this write is stored
     * @throws WrittenThenChangedException if the write was stored and then changed by someone else
     */
    void put(PutObjectRequest request, byte[] content, Function<SdkException, MesserException> refused) {
        boolean answerMayBeLost = false;
        for (int round = 0; ; round++) {
            try {
                client.get().putObject(request, RequestBody.fromBytes(content));
                return;
            } catch (SdkException e) {
                answerMayBeLost |= attempts(e) > 1;
                boolean inFlight = AwsErrors.errorCode(e).equals("ConditionalRequestConflict");
                if (inFlight && round < CONFLICT_RETRIES && pause(round)) {
                    continue;
                }
                if (!inFlight && !preconditionFailed(e)) {
                    if ((answerMayBeLost || mayHaveStored(e)) && holds(request.key(), content)) {
                        return;
                    }
                    throw store.translate(e, "s3:PutObject", request.key());
                }
                if (answerMayBeLost && isOwnWrite(request.key(), content, e)) {
                    return;
                }
                throw refused.apply(e);
            }
        }
    }

    /**
     * Whether the current object is this write. False if no version of the key is, so that nothing
     * of this write was stored.
     *
     * @param refusal the error S3 answered the last attempt with
     * @throws WrittenThenChangedException if an older version is this write
     */
    private boolean isOwnWrite(String key, byte[] content, SdkException refusal) {
        if (store.get(key).map(blob -> Arrays.equals(blob.content(), content)).orElse(false)) {
            return true;
        }
        VersionListing listing = store.versions(key);
        String where = key + " in " + store.describe();
        if (!listing.kept()) {
            throw new UnavailableException("S3 refused the retried write of " + where + " after its first answer "
                    + "was lost, and the bucket keeps no versions: it cannot tell whether that write was stored and "
                    + "then replaced", Hint.of("check the object, and enable versioning with {}", Hint.aws("setup")),
                    refusal);
        }
        List<BlobVersion> newest = listing.versions().subList(0, Math.min(VERSIONS_SEARCHED, listing.versions().size()));
        for (BlobVersion version : newest) {
            if (version.deleted() || version.size() != content.length) {
                continue;
            }
            Optional<Blob> stored = store.getVersion(key, version.id());
            if (stored.isPresent() && Arrays.equals(stored.get().content(), content)) {
                throw new WrittenThenChangedException(where + " was written (version " + version.id() + "), then "
                        + "changed by someone else before S3's answer arrived; its versions keep this write",
                        version.id(), refusal);
            }
        }
        return false;
    }

    /** Whether the object is now exactly {@code content}; false also when it cannot be read. */
    private boolean holds(String key, byte[] content) {
        try {
            return store.get(key).map(blob -> Arrays.equals(blob.content(), content)).orElse(false);
        } catch (MesserException unreadable) {
            return false;
        }
    }

    /**
     * A server error or a failed connection may come after S3 stored the object; a 4xx answer and
     * throttling ({@code SlowDown}) never do.
     */
    private static boolean mayHaveStored(SdkException e) {
        return !(e instanceof AwsServiceException service)
                || (service.statusCode() >= 500 && !service.isThrottlingException());
    }

    private static int attempts(SdkException e) {
        Integer attempts = e.numAttempts();
        return attempts == null ? 1 : attempts;
    }

    /** 412, or a missing object under {@code If-Match} (404). */
    private static boolean preconditionFailed(SdkException e) {
        return AwsErrors.errorCode(e).equals("PreconditionFailed") || e instanceof NoSuchKeyException;
    }

    /** Waits 100, 200, 400 ms; false if interrupted (then no more retries). */
    private static boolean pause(int round) {
        try {
            Thread.sleep(100L << round);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
