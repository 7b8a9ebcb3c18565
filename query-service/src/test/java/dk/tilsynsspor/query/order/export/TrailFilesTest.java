package dk.tilsynsspor.query.order.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.tilsynsspor.core.order.query.AuditEntry;
import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.query.web.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrailFilesTest {

    @Test
    void theCellsAreSeparatedByTheSeparatorAskedForAndACellHoldingItIsQuoted() throws Exception {
        AuditTrail trail = new AuditTrail(UUID.randomUUID(), "ST-1", "tilsyn", "org", null, List.of(new AuditEntry(1,
                Instant.parse("2027-01-04T09:00:00Z"), "SupervisoryOrderImposed", "inspector", "INSPECTOR",
                "Tilsynsbesøg; 2. gang, med varsel", "a-1", Map.of("beløb", "2,50"), "ab12")));
        TrailFiles files = new TrailFiles(new ObjectMapper());

        for (char separator : new char[] {';', ','}) {
            String text = new String(files.csv(trail, separator), StandardCharsets.UTF_8);
            assertThat(text).as("a byte-order mark, then the header").startsWith("\uFEFFsequence" + separator
                    + "recordedAt" + separator + "eventType" + separator);
            CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
            List<Map<String, String>> rows = new CsvMapper().readerFor(Map.class).with(schema)
                    .<Map<String, String>>readValues(text.substring(1)).readAll();
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.get("reason")).isEqualTo("Tilsynsbesøg; 2. gang, med varsel");
                assertThat(row.get("payload")).isEqualTo("{\"beløb\":\"2,50\"}");
                assertThat(row.get("hash")).isEqualTo("ab12");
            });
        }
        assertThat(new String(files.csv(trail, ';'), StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow())
                .as("the cells split on semicolons, the reason's quoted")
                .startsWith("1;").contains(";INSPECTOR;\"Tilsynsbesøg; 2. gang, med varsel\";");
    }

    @Test
    void aSeparatorIsCommaOrSemicolonAndAbsentIsTheComma() {
        assertThat(TrailExports.CsvSeparator.parse(null)).isEqualTo(TrailExports.CsvSeparator.COMMA);
        assertThat(TrailExports.CsvSeparator.parse(" ")).isEqualTo(TrailExports.CsvSeparator.COMMA);
        assertThat(TrailExports.CsvSeparator.parse("Semicolon").character()).isEqualTo(';');
        assertThatThrownBy(() -> TrailExports.CsvSeparator.parse("tab"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("separator"));
    }
}
