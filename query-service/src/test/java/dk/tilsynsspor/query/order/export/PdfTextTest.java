package dk.tilsynsspor.query.order.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfTextTest {

    @Test
    void aCharacterNoFontOfThePdfHasIsWrittenAsItsCodePointAndCounted() {
        PdfText text = new PdfText();

        assertThat(text.shown("Referat 🧪 med 中 og العربية")).isEqualTo(
                "Referat [U+1F9EA] med [U+4E2D] og [U+0627][U+0644][U+0639][U+0631][U+0628][U+064A][U+0629]");
        assertThat(text.replaced()).isEqualTo(9);
    }

    @Test
    void whatTheFontsHaveIsKeptAsItIs() {
        PdfText text = new PdfText();
        String danish = "Påbud om pædagogisk metode § 8, 1½ time — målet → nået • Ω ≠ ∞; Hebrew עברית, Здравствуйте";

        assertThat(text.shown(danish)).isEqualTo(danish);
        assertThat(text.shown(null)).isNull();
        assertThat(text.replaced()).isZero();
    }
}
