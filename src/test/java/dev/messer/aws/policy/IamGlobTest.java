package dev.messer.aws.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IamGlobTest {

    @Test
    void starAndQuestionMark_matchAsIamDocumentsThem() {
        assertThat(IamGlob.matches("kms:Re*", "kms:ReEncryptFrom", true)).isTrue();
        assertThat(IamGlob.matches("kms:Re*", "kms:Decrypt", true)).isFalse();
        assertThat(IamGlob.matches("kms:?ecrypt", "kms:Decrypt", true)).isTrue();
        assertThat(IamGlob.matches("kms:?ecrypt", "kms:ecrypt", true)).isFalse();
        assertThat(IamGlob.matches("KMS:DECRYPT", "kms:Decrypt", true)).isTrue();
        assertThat(IamGlob.matches("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", false)).isFalse();
        assertThat(IamGlob.matches("*a*b*", "xxaxxbxx", false)).isTrue();
        assertThat(IamGlob.matches("", "", false)).isTrue();
    }

    @Test
    void matchesEveryValueStartingWith_isExact() {
        for (String every : new String[] {"*", "kms:*", "KMS:*", "k*", "k?s:*", "**", "kms***", "*:*"}) {
            assertThat(IamGlob.matchesEveryValueStartingWith(every, "kms:", true)).as(every).isTrue();
        }
        for (String some : new String[] {"kms:Re*", "kms:*t", "kms:?*x", "s3:*", "kms:", "*:Decrypt", "kms:?"}) {
            assertThat(IamGlob.matchesEveryValueStartingWith(some, "kms:", true)).as(some).isFalse();
        }
    }
}
