package dev.messer.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * KMS {@code Decrypt} as one signed request ({@link SignedCalls}): the JSON the KMS client sends
 * ({@code TrentService.Decrypt} with the ciphertext, the key id and the encryption context when
 * there is one), and its answer read as the client reads it. The plaintext is decoded from the
 * answer's bytes straight into the array handed back, and the answer is wiped: no string ever holds it.
 * A failed answer is mapped, not redone: KMS's JSON error becomes the {@code KmsException} the KMS
 * client throws, with the same error code, which {@link KmsMasterKey} translates.
 */
final class LeanKmsDecrypt implements KmsDecrypt {

    private static final int MAX_ANSWER_BYTES = 1024 * 1024;
    private static final byte[] PLAINTEXT = "\"Plaintext\"".getBytes(StandardCharsets.US_ASCII);

    private final SignedCalls calls;
    private final URI endpoint;

    /** @param endpoint the endpoint override, or the region's public endpoint ({@code https://kms.REGION.amazonaws.com}) */
    LeanKmsDecrypt(SignedCalls calls, URI endpoint) {
        this.calls = calls;
        this.endpoint = endpoint;
    }

    @Override
    public byte[] decrypt(String keyId, byte[] wrapped, Map<String, String> context) {
        JsonObject request = new JsonObject();
        request.addProperty("CiphertextBlob", Base64.getEncoder().encodeToString(wrapped));
        if (!context.isEmpty()) {
            JsonObject pairs = new JsonObject();
            context.forEach(pairs::addProperty);
            request.add("EncryptionContext", pairs);
        }
        request.addProperty("KeyId", keyId);
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        SdkHttpFullRequest http = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService.Decrypt")
                .build();
        SignedCalls.Answer answer = calls.call(http, request.toString().getBytes(StandardCharsets.UTF_8),
                LeanKmsDecrypt::error);
        byte[] json;
        try (InputStream content = answer.content()) {
            json = content.readNBytes(MAX_ANSWER_BYTES);
        } catch (IOException e) {
            throw SdkClientException.create("Unable to read the KMS Decrypt answer: " + e.getMessage(), e);
        }
        try {
            return plaintext(json);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** The base64 value of {@code "Plaintext"}, decoded into a new array; every copy made on the way is wiped. */
    static byte[] plaintext(byte[] json) {
        int at = indexOf(json, PLAINTEXT);
        int i = at < 0 ? json.length : skipBlanks(json, at + PLAINTEXT.length);
        if (i >= json.length || json[i] != ':' || (i = skipBlanks(json, i + 1)) >= json.length || json[i] != '"') {
            throw SdkClientException.create("KMS Decrypt answered without a plaintext");
        }
        int first = i + 1;
        int end = first;
        int escapes = 0;
        for (; end < json.length && json[end] != '"'; end++) {
            if (json[end] == '\\') {
                if (end + 1 >= json.length || json[end + 1] != '/') {
                    throw SdkClientException.create("KMS Decrypt answered a plaintext that is not base64");
                }
                end++; // JSON may escape the '/' of base64
                escapes++;
            }
        }
        byte[] text = new byte[end - first - escapes];
        for (int from = first, to = 0; from < end; from++) {
            if (json[from] != '\\') {
                text[to++] = json[from];
            }
        }
        byte[] decoded = new byte[text.length];
        try {
            return Arrays.copyOf(decoded, Base64.getDecoder().decode(text, decoded));
        } catch (IllegalArgumentException e) {
            throw SdkClientException.create("KMS Decrypt answered a plaintext that is not base64");
        } finally {
            Arrays.fill(text, (byte) 0);
            Arrays.fill(decoded, (byte) 0);
        }
    }

    private static int skipBlanks(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** KMS's JSON error as the KMS client reads it: the code from x-amzn-ErrorType or __type, the message. */
    static AwsServiceException error(SdkHttpResponse response, byte[] body) {
        String code = response.firstMatchingHeader("x-amzn-ErrorType").map(t -> t.split(":", 2)[0]).orElse(null);
        String message = null;
        try {
            JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (parsed.isJsonObject()) {
                JsonObject error = parsed.getAsJsonObject();
                if (code == null && error.has("__type")) {
                    String type = error.get("__type").getAsString();
                    code = type.substring(type.lastIndexOf('#') + 1);
                }
                JsonElement text = error.has("message") ? error.get("message") : error.get("Message");
                message = text == null || text.isJsonNull() ? null : text.getAsString();
            }
        } catch (RuntimeException unreadable) {
            // an answer that is not JSON (a proxy's page): the status alone says what happened
        }
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Kms")
                .sdkHttpResponse(response).build();
        return KmsException.builder().awsErrorDetails(details).statusCode(response.statusCode())
                .requestId(response.firstMatchingHeader("x-amzn-RequestId").orElse(null)).message(message).build();
    }
}
