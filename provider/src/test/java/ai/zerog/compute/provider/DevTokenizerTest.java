package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevTokenizerTest {
    @Test
    void shouldCountWordRunsAndEachPunctuationMark() {
        assertThat(DevTokenizer.count("Hello, world!")).isEqualTo(4);
        assertThat(DevTokenizer.count("  it's 42.5%  ")).isEqualTo(7);
        assertThat(DevTokenizer.count("naïve 東京 ok")).isEqualTo(3);
        assertThat(DevTokenizer.count("")).isZero();
        assertThat(DevTokenizer.count(" \n\t ")).isZero();
    }

    @Test
    void shouldSplitIntoOnePiecePerTokenThatConcatenateBackToTheText() {
        String text = "  Dev model: hi!\n ok  ";

        assertThat(DevTokenizer.pieces(text)).containsExactly("  Dev", " model", ":", " hi", "!", "\n ok  ");
        assertThat(String.join("", DevTokenizer.pieces(text))).isEqualTo(text);
        assertThat(DevTokenizer.pieces(text)).hasSize(DevTokenizer.count(text));
    }

    @Test
    void shouldKeepWhitespaceOnlyTextAsOnePieceWithoutTokens() {
        assertThat(DevTokenizer.pieces("   ")).containsExactly("   ");
        assertThat(DevTokenizer.pieces("")).isEmpty();
    }
}
