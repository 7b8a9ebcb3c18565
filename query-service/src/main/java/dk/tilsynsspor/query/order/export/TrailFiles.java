package dk.tilsynsspor.query.order.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.tilsynsspor.core.order.query.AuditEntry;
import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.TrailVerification;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dk.tilsynsspor.query.order.export.SpreadsheetCsv.cell;

/** The audit trail as files an inspector can keep: CSV (one row per event) and JSON (the whole trail). */
@Component
class TrailFiles {

    static final String JSON_FORMAT = "tilsynsspor-audit-trail";
    private final ObjectMapper json;
    private final ObjectMapper compactJson;

    TrailFiles(ObjectMapper webMapper) {
        this.json = webMapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.compactJson = webMapper.copy().disable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One row per event, its cells separated by {@code separator}. */
    byte[] csv(AuditTrail trail, char separator) {
        return SpreadsheetCsv.write(List.of("sequence", "recordedAt", "eventType", "actorId", "actorRole", "reason",
                "aggregateId", "payload", "hash"), trail.entries().stream().map(this::row).toList(), separator);
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
