package dev.messer.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Keeps the order in which S3 lists versions and delete markers. S3 answers ListObjectVersions with
 * one sequence of {@code Version} and {@code DeleteMarker} elements, newest first for each key
 * (Amazon S3 API reference, ListObjectVersions). The SDK parses them into two separate lists
 * (aws-sdk-java-v2 #1620), and {@code LastModified} has a precision of one second, so a deletion
 * and a write in the same second cannot be ordered from the parsed response. This interceptor
 * reads the raw answer before the SDK parses it and records the sequence, one letter per element
 * ({@code V} or {@code D}), in a response header; {@link #entries} merges the two lists back into
 * S3's order.
 */
final class S3ListingOrder implements ExecutionInterceptor {

    /** The response header that carries the sequence; it never travels on the network. */
    static final String HEADER = "x-messer-listing-order";
    private static final ExecutionAttribute<byte[]> BODY = new ExecutionAttribute<>("MesserListingBody");

    /** One version or delete marker of a listing page. */
    record Entry(String key, String versionId, Instant time, boolean deleted, long size, boolean latest) {
    }

    /**
     * Reads a ListObjectVersions answer whole, before the SDK parses it, and adds the sequence as a
     * header. The SDK calls {@link #modifyHttpResponseContent} next, which hands on the same bytes.
     */
    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (!(context.request() instanceof ListObjectVersionsRequest) || !context.httpResponse().isSuccessful()
                || body.isEmpty()) {
            return context.httpResponse();
        }
        byte[] xml;
        try (InputStream in = body.get()) {
            xml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        attributes.putAttribute(BODY, xml);
        return order(xml).map(letters -> context.httpResponse().toBuilder().putHeader(HEADER, letters).build())
                .orElse(context.httpResponse());
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        byte[] xml = attributes.getAttribute(BODY);
        if (xml == null) {
            return context.responseBody();
        }
        attributes.putAttribute(BODY, null);
        return Optional.of(new ByteArrayInputStream(xml));
    }

    /**
     * The page's versions and delete markers in the order S3 listed them; when that order is
     * unknown (no interceptor, or counts that disagree), the versions and then the delete markers.
     */
    static List<Entry> entries(ListObjectVersionsResponse page) {
        List<Entry> versions = page.versions().stream().map(S3ListingOrder::entry).toList();
        List<Entry> markers = page.deleteMarkers().stream().map(S3ListingOrder::entry).toList();
        String letters = page.sdkHttpResponse() == null ? ""
                : page.sdkHttpResponse().firstMatchingHeader(HEADER).orElse("");
        List<Entry> all = new ArrayList<>(versions);
        all.addAll(markers);
        if (letters.length() != all.size() || letters.chars().filter(c -> c == 'V').count() != versions.size()) {
            return all;
        }
        Iterator<Entry> nextVersion = versions.iterator();
        Iterator<Entry> nextMarker = markers.iterator();
        List<Entry> ordered = new ArrayList<>(all.size());
        for (char letter : letters.toCharArray()) {
            ordered.add(letter == 'V' ? nextVersion.next() : nextMarker.next());
        }
        return ordered;
    }

    /**
     * One letter per {@code Version} ({@code V}) or {@code DeleteMarker} ({@code D}) element of a
     * {@code ListVersionsResult}, in document order; empty if the answer is not such a document.
     */
    static Optional<String> order(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        StringBuilder letters = new StringBuilder();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                int depth = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.START_ELEMENT) {
                        depth++;
                        String name = reader.getLocalName();
                        if (depth == 1 && !name.equals("ListVersionsResult")) {
                            return Optional.empty();
                        }
                        if (depth == 2 && (name.equals("Version") || name.equals("DeleteMarker"))) {
                            letters.append(name.charAt(0));
                        }
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return Optional.empty();
        }
        return Optional.of(letters.toString());
    }

    private static Entry entry(ObjectVersion v) {
        return new Entry(v.key(), v.versionId(), v.lastModified(), false, v.size() == null ? 0 : v.size(),
                Boolean.TRUE.equals(v.isLatest()));
    }

    private static Entry entry(DeleteMarkerEntry m) {
        return new Entry(m.key(), m.versionId(), m.lastModified(), true, 0, Boolean.TRUE.equals(m.isLatest()));
    }
}
