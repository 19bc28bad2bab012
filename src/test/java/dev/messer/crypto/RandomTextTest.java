package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTextTest {

    private final RandomText random = new RandomText(new SecureRandom());

    @Test
    void everyCharset_givesTheLengthAskedFor_fromItsCharactersOnly() {
        assertThat(random.next(32, RandomText.Charset.ALNUM)).matches("[A-Za-z0-9]{32}");
        assertThat(random.next(7, RandomText.Charset.HEX)).matches("[0-9a-f]{7}");
        assertThat(random.next(64, RandomText.Charset.BASE64)).matches("[A-Za-z0-9+/]{64}");
        assertThat(random.next(100, RandomText.Charset.ASCII)).matches("[!-~]{100}");
    }

    @Test
    void values_differ_andUseTheWholeCharset() {
        Set<Character> seen = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = random.next(16, RandomText.Charset.HEX);
            values.add(value);
            value.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(values).hasSize(200);
        assertThat(seen).hasSize(16);
    }

    @Test
    void charsetWords_areLowerCase() {
        assertThat(RandomText.Charset.fromWord("base64")).contains(RandomText.Charset.BASE64);
        assertThat(RandomText.Charset.fromWord("BASE64")).isEmpty();
    }
}
