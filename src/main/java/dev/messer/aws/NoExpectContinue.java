package dev.messer.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sends an S3 upload's body with its headers, without {@code Expect: 100-continue}. The SDK asks
 * every PutObject with a body to wait for the service's {@code 100 Continue} first, which costs a
 * round trip per write: on a far region that is a second latency on each item a bulk run writes.
 * The handshake spares a large body that would be refused; an item is at most 1 MiB, and a refused
 * write is told by its answer all the same. Runs after the SDK's own interceptors, which add the
 * header.
 */
final class NoExpectContinue implements ExecutionInterceptor {

    static final String HEADER = "Expect";

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        return request.firstMatchingHeader(HEADER).isPresent() ? request.toBuilder().removeHeader(HEADER).build()
                : request;
    }
}
