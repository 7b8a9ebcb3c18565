package dk.tilsynsspor.query.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.trail.TrailEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DossierFoldTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final EventReader reader = new EventReader(new EventJson(JSON));
    private final UUID orderId = UUID.randomUUID();
    private long index;

    private TrailEntry entry(Class<?> type, String json) throws Exception {
        return entry(type, JSON.readTree(json));
    }

    private TrailEntry entry(Class<?> type, JsonNode payload) {
        index++;
        return new TrailEntry(orderId, index, "event-" + index, orderId.toString(), index - 1,
                type.getSimpleName(), type.getName(), Instant.parse("2026-11-01T10:00:00Z").plusSeconds(index),
                "inspector", "INSPECTOR", "socialtilsyn-hovedstaden", null, payload, null);
    }

    private TrailEntry imposed() throws Exception {
        return entry(SupervisoryOrderImposed.class, """
                {"orderId":"%s","authorityId":"socialtilsyn-hovedstaden","organisationId":"kk-handicap",
                 "reference":"ST-1","legalBasis":"§ 8","issuedOn":"2026-11-01","summary":null,
                 "requirements":[{"requirementId":"%s","title":"Metode","requiredChange":"c",
                                  "qualityTheme":"OTHER","deadline":"2027-02-01"}]}"""
                .formatted(orderId, UUID.randomUUID()));
    }

    @Test
    void eventsItCannotReadAreLeftOutAndCountedAndTheRestIsFolded() throws Exception {
        List<TrailEntry> trail = List.of(imposed(),
                entry(QualityMeasurementRecorded.class, """
                        {"orderId":"%s","requirementId":"%s","measurementId":"%s","value":1,
                         "measuredOn":"2026-11-20","source":"s"}""".formatted(orderId, UUID.randomUUID(),
                        UUID.randomUUID())),
                entry(QualityMeasurementRecorded.class, "{\"orderId\":\"not a uuid\"}"),
                entry(SupervisoryOrderAcknowledged.class, "{\"orderId\":\"%s\"}".formatted(orderId)));

        ComplianceDossier dossier = DossierFold.fold(trail, reader, LocalDate.of(2026, 12, 1), null).orElseThrow();

        assertThat(dossier.unreadableEvents()).isEqualTo(2);
        assertThat(dossier.status()).isEqualTo(OrderStatus.ACKNOWLEDGED);
        assertThat(dossier.requirements()).hasSize(1);
    }

    @Test
    void aWholeTrailReadsWithNothingLeftOut() throws Exception {
        List<TrailEntry> trail = List.of(imposed(),
                entry(SupervisoryOrderAcknowledged.class, "{\"orderId\":\"%s\"}".formatted(orderId)));

        assertThat(DossierFold.fold(trail, reader, LocalDate.of(2026, 12, 1), null).orElseThrow()
                .unreadableEvents()).isZero();
    }
}
