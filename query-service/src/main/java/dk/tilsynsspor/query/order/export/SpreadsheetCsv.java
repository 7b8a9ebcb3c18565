package dk.tilsynsspor.query.order.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Rows as a CSV file that spreadsheet programs open as meant: RFC 4180's quoting, a byte-order mark so that the
 * Danish letters read right, the cells separated by the character asked for (a spreadsheet program set up for Danish
 * splits on semicolons, the comma being its decimal mark), and no text that could run as a formula.
 */
public final class SpreadsheetCsv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final CsvMapper CSV = new CsvMapper();

    private SpreadsheetCsv() {
    }

    /** A header row of {@code columns}, then each row's cells by column name (a missing one left empty). */
    public static byte[] write(List<String> columns, List<? extends Map<String, ?>> rows, char separator) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        try {
            String text = "\uFEFF" + CSV.writer(schema.build().withHeader().withColumnSeparator(separator))
                    .writeValueAsString(rows);
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows of texts and numbers could not be written as CSV", e);
        }
    }

    /**
     * A text as a spreadsheet cell that cannot run as a formula (OWASP, "CSV Injection"): a text that begins with
     * = + - @, a tab or a carriage return (or their full-width forms) gets a leading apostrophe, which spreadsheet
     * programs show as text.
     */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
