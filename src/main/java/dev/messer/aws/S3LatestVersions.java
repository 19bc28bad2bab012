package dev.messer.aws;

import dev.messer.store.LatestVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * The newest entry of every key under a prefix, from ListObjectVersions, one page at a time as the
 * caller moves on. S3 lists keys in ascending UTF-8 order and each key's entries newest first, the
 * newest marked {@code IsLatest}; the SDK parses versions and delete markers into two lists, so
 * each page's latest entries are merged back by key. Failures come as messer's exceptions.
 */
final class S3LatestVersions implements Iterator<LatestVersion> {

    private final Iterator<ListObjectVersionsResponse> pages;
    private final S3BlobStore store;
    private final String prefix;
    private Iterator<LatestVersion> page = Collections.emptyIterator();

    S3LatestVersions(Iterable<ListObjectVersionsResponse> pages, S3BlobStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
        try {
            this.pages = pages.iterator();
        } catch (SdkException e) {
            throw store.translate(e, "s3:ListBucketVersions", prefix + "*");
        }
    }

    @Override
    public boolean hasNext() {
        try {
            while (!page.hasNext() && pages.hasNext()) {
                page = latest(pages.next()).iterator();
            }
        } catch (SdkException e) {
            throw store.translate(e, "s3:ListBucketVersions", prefix + "*");
        }
        return page.hasNext();
    }

    @Override
    public LatestVersion next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }

    /** The entries of one page that S3 marks latest, in key order. */
    static List<LatestVersion> latest(ListObjectVersionsResponse page) {
        List<LatestVersion> latest = new ArrayList<>();
        for (ObjectVersion v : page.versions()) {
            if (Boolean.TRUE.equals(v.isLatest())) {
                latest.add(new LatestVersion(v.key(), v.versionId(), v.eTag() == null ? "" : v.eTag(),
                        v.size() == null ? 0 : v.size(), v.lastModified(), false));
            }
        }
        for (DeleteMarkerEntry m : page.deleteMarkers()) {
            if (Boolean.TRUE.equals(m.isLatest())) {
                latest.add(new LatestVersion(m.key(), m.versionId(), "", 0, m.lastModified(), true));
            }
        }
        latest.sort((a, b) -> LatestVersion.KEY_ORDER.compare(a.key(), b.key()));
        return latest;
    }
}
