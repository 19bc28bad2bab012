import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The floor of an audit made directly with the AWS SDK: one paged ListObjectsV2 of the tier's
 * prefix, then one GetObject per item, PARALLEL at a time (as messer's default), reading each body
 * and keeping only its size. Usage: java -cp messer.jar:DIR ListAndGet ENDPOINT BUCKET PREFIX PARALLEL
 */
public final class ListAndGet {

    public static void main(String[] args) throws Exception {
        S3Client s3 = S3Client.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        List<String> keys = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(args[1]).prefix(args[2])).contents()) {
            if (!object.key().endsWith("/")) {
                keys.add(object.key());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(args[3]));
        AtomicLong bytes = new AtomicLong();
        List<Future<?>> reads = new ArrayList<>();
        for (String key : keys) {
            reads.add(pool.submit(() -> bytes.addAndGet(s3.getObjectAsBytes(r -> r.bucket(args[1]).key(key)).asByteArray().length)));
        }
        for (Future<?> read : reads) {
            read.get();
        }
        pool.shutdown();
        System.out.println(keys.size() + " items, " + bytes.get() + " bytes");
    }
}
