package dk.tilsynsspor.query.order.export;

import com.lowagie.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text as the dossier's PDF can show it. OpenPDF writes a run of text in Helvetica when every character is Latin-1,
 * else in the Liberation Sans it carries (Latin, Greek, Cyrillic, Hebrew, many symbols), and a character that font
 * has no glyph for (an emoji, Chinese, Arabic) is left out without a trace: the inspector's copy would say less than
 * was recorded. Such a character is written as {@code [U+1F600]} instead, and counted, so that the PDF can say so;
 * the JSON and CSV exports carry every text as it is.
 */
final class PdfText {

    /** OpenPDF's own font for text beyond Latin-1 (the one it falls back to), asked which glyphs it has. */
    static final String FALLBACK_FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final Logger log = LoggerFactory.getLogger(PdfText.class);
    private static final BaseFont FALLBACK = fallback();

    private int replaced;

    /** {@code text} with every character the PDF cannot show written as its code point; null stays null. */
    String shown(String text) {
        if (text == null || text.chars().allMatch(c -> c <= 0xFF)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(codePoint -> {
            if (showable(codePoint)) {
                shown.appendCodePoint(codePoint);
            } else {
                shown.append(String.format("[U+%04X]", codePoint));
                replaced++;
            }
        });
        return shown.toString();
    }

    /** How many characters {@link #shown} has written as code points. */
    int replaced() {
        return replaced;
    }

    static boolean showable(int codePoint) {
        return codePoint <= 0xFF || FALLBACK != null && FALLBACK.charExists(codePoint);
    }

    private static BaseFont fallback() {
        try {
            return BaseFont.createFont(FALLBACK_FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception missing) {
            log.warn("OpenPDF's fallback font {} could not be read ({}): the dossier's PDF writes every character "
                    + "beyond Latin-1 as its code point", FALLBACK_FONT, missing.toString());
            return null;
        }
    }
}
