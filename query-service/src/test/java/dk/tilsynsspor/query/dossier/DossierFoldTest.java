package dk.tilsynsspor.query.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.RequirementStatus;
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

    /**
     * Events as the first round stored them, without the fields the second round added: a report of every
     * requirement, a rejection of the whole report, an acceptance of the order, a closure without an outcome. They
     * read as they meant then.
     */
    @Test
    void aFirstRoundOrderReadsAsItMeantThen() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String verified = """
                {"orderId":"%s","requirementId":"%s","goalMet":true,"conclusion":"c",
                 "evidence":{"insightIds":[],"measurementIds":[]}}""";
        List<TrailEntry> trail = List.of(
                entry(SupervisoryOrderImposed.class, """
                        {"orderId":"%s","authorityId":"socialtilsyn-hovedstaden","organisationId":"kk-handicap",
                         "reference":"ST-1","legalBasis":"§ 8","issuedOn":"2026-11-01","summary":null,
                         "requirements":[
                           {"requirementId":"%s","title":"Metode","requiredChange":"c","qualityTheme":"OTHER",
                            "deadline":"2027-02-01"},
                           {"requirementId":"%s","title":"Magt","requiredChange":"c","qualityTheme":"OTHER",
                            "deadline":"2027-02-01"}]}""".formatted(orderId, first, second)),
                entry(SupervisoryOrderAcknowledged.class, "{\"orderId\":\"%s\"}".formatted(orderId)),
                entry(QualityImprovementVerified.class, verified.formatted(orderId, first)),
                entry(QualityImprovementVerified.class, verified.formatted(orderId, second)),
                entry(ComplianceReportSubmitted.class, "{\"orderId\":\"%s\",\"summary\":\"s\"}"
                        .formatted(orderId)),
                entry(ComplianceRejected.class, """
                        {"orderId":"%s","reason":"for tyndt","requirementIds":["%s"]}"""
                        .formatted(orderId, second)));

        ComplianceDossier rejected = DossierFold.fold(trail, reader, LocalDate.of(2026, 12, 1), null).orElseThrow();
        assertThat(rejected.unreadableEvents()).isZero();
        assertThat(rejected.notice()).isNull();
        assertThat(rejected.noticeWaivedReason()).isNull();
        assertThat(rejected.status()).isEqualTo(OrderStatus.ACKNOWLEDGED);
        assertThat(rejected.requirements().get(0).status()).as("not sent back: verified, to be reported again")
                .isEqualTo(RequirementStatus.VERIFIED);
        assertThat(rejected.requirements().get(1).status()).isEqualTo(RequirementStatus.IN_PROGRESS);
        assertThat(rejected.requirements().get(1).reworkReason()).isEqualTo("for tyndt");

        List<TrailEntry> accepted = new java.util.ArrayList<>(trail.subList(0, 5));
        accepted.add(entry(ComplianceAccepted.class, "{\"orderId\":\"%s\"}".formatted(orderId)));
        accepted.add(entry(SupervisoryOrderClosed.class, """
                {"orderId":"%s","reason":null,"withdrawn":false}""".formatted(orderId)));
        ComplianceDossier closed = DossierFold.fold(accepted, reader, LocalDate.of(2026, 12, 1), null).orElseThrow();
        assertThat(closed.reports().get(0).requirementIds()).containsExactly(first, second);
        assertThat(closed.requirements()).extracting(RequirementDossier::status)
                .containsOnly(RequirementStatus.ACCEPTED);
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.closure().outcome()).isEqualTo(OrderOutcome.COMPLIED);
    }
}
