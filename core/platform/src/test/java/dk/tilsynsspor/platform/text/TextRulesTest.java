package dk.tilsynsspor.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    @Test
    void danishLettersLineBreaksTabsAndEmojiAreText() {
        assertThat(TextRules.problem("Tilsynsbesøg på Åbo: ændret praksis\r\n\t– med 👍")).isEmpty();
    }

    @Test
    void nulAndOtherControlCharactersAreRefusedWithWhere() {
        assertThat(TextRules.problem("before\u0000after"))
                .contains("contains a control character (U+0000) at position 7");
        assertThat(TextRules.problem("bell\u0007")).isPresent();
        assertThat(TextRules.problem("c1\u0085")).isPresent();
        assertThat(TextRules.problem("delete\u007F")).isPresent();
    }

    @Test
    void bidirectionalOverridesAreRefusedBecauseTheyMakeATextReadOtherwise() {
        assertThat(TextRules.problem("invoice\u202Etxt.exe")).isPresent();
        assertThat(TextRules.problem("\u2066isolate\u2069")).isPresent();
    }

    @Test
    void anUnpairedSurrogateIsNotUnicodeAndIsRefused() {
        assertThat(TextRules.problem("broken \uD800 pair")).contains("contains an unpaired surrogate (U+D800)");
        assertThat(TextRules.problem("\uDC00")).isPresent();
        assertThat(TextRules.problem("ends high \uD83D")).isPresent();
    }

    @Test
    void nonCharactersAreRefused() {
        assertThat(TextRules.problem("x\uFFFE")).isPresent();
        assertThat(TextRules.problem("x\uFFFF")).isPresent();
    }
}
