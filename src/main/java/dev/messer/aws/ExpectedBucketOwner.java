package dev.messer.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;

/**
 * Sends {@code x-amz-expected-bucket-owner} (the {@code expected_bucket_owner} setting) on every S3
 * request about a bucket, so that S3 answers 403 instead of serving or accepting objects when a
 * bucket of that name belongs to another account. CreateBucket and ListBuckets take no such header.
 */
final class ExpectedBucketOwner implements ExecutionInterceptor {

    static final String HEADER = "x-amz-expected-bucket-owner";

    private final String account;

    ExpectedBucketOwner(String account) {
        this.account = account;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof CreateBucketRequest || context.request() instanceof ListBucketsRequest) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().putHeader(HEADER, account).build();
    }
}
