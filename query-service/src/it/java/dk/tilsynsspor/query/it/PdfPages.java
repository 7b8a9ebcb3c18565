package dk.tilsynsspor.query.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import java.io.IOException;

/** What the tests read of an exported PDF: its text. */
final class PdfPages {

    private PdfPages() {
    }

    /** The text of every page, page after page. */
    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        return text.toString();
    }

    /** The text of the order's PDF export, as its inspector downloads it. */
    static String ofOrder(EndToEnd.Stack stack, WorkedExample example) throws IOException {
        return text(stack.queries.download("inspector", example.order("/audit-trail/export?format=pdf")).body());
    }
}
