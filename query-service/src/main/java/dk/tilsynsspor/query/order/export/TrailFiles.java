package dk.tilsynsspor.query.order.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.tilsynsspor.core.order.query.AuditEntry;
import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.TrailVerification;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail as files an inspector can keep: CSV (one row per event) and JSON (the whole trail). */
@Component
class TrailFiles {

    static final String JSON_FORMAT = "tilsynsspor-audit-trail";
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json;
    private final ObjectMapper compactJson;

    TrailFiles(ObjectMapper webMapper) {
        this.json = webMapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.compactJson = webMapper.copy().disable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One row per event, its cells separated by {@code separator}. */
    byte[] csv(AuditTrail trail, char separator) throws JsonProcessingException {
        CsvSchema schema = CsvSchema.builder()
                .addColumn("sequence").addColumn("recordedAt").addColumn("eventType").addColumn("actorId")
                .addColumn("actorRole").addColumn("reason").addColumn("aggregateId").addColumn("payload")
                .addColumn("hash").build().withHeader().withColumnSeparator(separator);
        List<Map<String, Object>> rows = trail.entries().stream().map(this::row).toList();
        // A byte-order mark, so that spreadsheet programs read the Danish letters right.
        String text = "\uFEFF" + csv.writer(schema).writeValueAsString(rows);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The trail with the hash of every entry and the chain's verification when the file was made: a kept copy is
     * still the truth later if a new verification is intact and the trail's hash at this copy's last sequence is the
     * same as in the copy (README, "Checking a kept export").
     */
    byte[] json(AuditTrail trail, TrailVerification verification, Instant generatedAt, String generatedBy)
            throws JsonProcessingException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", JSON_FORMAT);
        document.put("formatVersion", 1);
        document.put("generatedAt", generatedAt);
        document.put("generatedBy", generatedBy);
        document.put("verification", verification);
        document.put("trail", trail);
        return json.writeValueAsBytes(document);
    }

    /**
     * A text as a spreadsheet cell that cannot run as a formula (OWASP, "CSV Injection"): a text that begins with
     * = + - @, a tab or a carriage return (or their full-width forms) gets a leading apostrophe, which spreadsheet
     * programs show as text. The JSON export keeps every text exactly.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private Map<String, Object> row(AuditEntry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sequence", entry.sequence());
        row.put("recordedAt", entry.recordedAt().toString());
        row.put("eventType", cell(entry.eventType()));
        row.put("actorId", cell(entry.actorId()));
        row.put("actorRole", cell(entry.actorRole()));
        row.put("reason", cell(entry.reason()));
        row.put("aggregateId", cell(entry.aggregateId()));
        try {
            row.put("payload", cell(compactJson.writeValueAsString(entry.payload())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.put("hash", entry.hash());
        return row;
    }
}
