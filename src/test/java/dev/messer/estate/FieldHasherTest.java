package dev.messer.estate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** compare's keyed hashes: equal values hash equal in one run, and a hash is useless outside it. */
class FieldHasherTest {

    @Test
    void equalValuesHashEqual_differentValuesDiffer_andTextIsNotANumber() {
        try (FieldHasher hasher = new FieldHasher()) {
            assertThat(hasher.hash(new JsonPrimitive("s3cret"))).isEqualTo(hasher.hash(new JsonPrimitive("s3cret")));
            assertThat(hasher.hash(new JsonPrimitive("s3cret"))).isNotEqualTo(hasher.hash(new JsonPrimitive("s3creT")));
            assertThat(hasher.hash(new JsonPrimitive("1"))).isNotEqualTo(hasher.hash(new JsonPrimitive(1)));
        }
    }

    @Test
    void twoRunsHashTheSameValueDifferently_andNeitherIsTheUnkeyedDigest() throws Exception {
        String first;
        String second;
        try (FieldHasher run1 = new FieldHasher(); FieldHasher run2 = new FieldHasher()) {
            first = run1.hash(new JsonPrimitive("s3cret"));
            second = run2.hash(new JsonPrimitive("s3cret"));
        }
        String unkeyed = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest("\"s3cret\"".getBytes(StandardCharsets.UTF_8)));
        assertThat(first).isNotEqualTo(second).isNotEqualTo(unkeyed);
        assertThat(second).isNotEqualTo(unkeyed);
    }

    @Test
    void itsTextShowsNoKey() {
        try (FieldHasher hasher = new FieldHasher()) {
            assertThat(hasher.toString()).isEqualTo("FieldHasher[key hidden]");
        }
    }
}
