package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.AuditEntry;
import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.query.pages.PageFormats;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TrailPageTest {

    @Test
    void theTrailsFiltersListEventsAndRolesInTheOrderOfTheirDanishLabels() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        TrailPage page = new TrailPage(null, null, null, messages, Duration.ofMinutes(1), null);

        assertThat(page.byLabel(List.of("ActionPlanSubmitted", "CitizenCaseOpened", "ComplianceAccepted",
                "QualityMeasurementRecorded", "SupervisoryOrderAcknowledged", "SupervisoryOrderImposed"), "Event."))
                .as("Borgersag oprettet, Efterlevelse godkendt, Handleplan indsendt, Måling registreret, "
                        + "Påbud givet, Påbud kvitteret")
                .containsExactly("CitizenCaseOpened", "ComplianceAccepted", "ActionPlanSubmitted",
                        "QualityMeasurementRecorded", "SupervisoryOrderImposed", "SupervisoryOrderAcknowledged");
        assertThat(page.byLabel(List.of("INSPECTOR", "LEADER", "PROFESSIONAL", "SYSTEM"), "Role."))
                .as("Fagperson, Leder, System, Tilsynsførende")
                .containsExactly("PROFESSIONAL", "LEADER", "SYSTEM", "INSPECTOR");
    }

    @Test
    void danishLettersSortAfterZAndACodeWithoutALabelSortsByItself() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("Event.A", PageFormats.DANISH, "Åbning");
        messages.addMessage("Event.B", PageFormats.DANISH, "Ølejr");
        messages.addMessage("Event.C", PageFormats.DANISH, "Æble");
        messages.addMessage("Event.D", PageFormats.DANISH, "Zone");
        TrailPage page = new TrailPage(null, null, null, messages, Duration.ofMinutes(1), null);

        assertThat(page.byLabel(List.of("A", "B", "C", "D", "Unknown"), "Event."))
                .containsExactly("Unknown", "D", "C", "B", "A");
    }

    @Test
    void theOldestEventWaitingToBeSealedIsNamedOnlyOnceItHasWaitedLong() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        AuditTrail trail = new AuditTrail(UUID.randomUUID(), "ST-1", "a", "o", null, List.of(
                entry(1, now.minusSeconds(600), "ab"),
                entry(2, now.minusSeconds(90), null),
                entry(3, now.minusSeconds(30), null)));

        assertThat(TrailPage.waitingSince(trail, now.minusSeconds(60))).as("waiting 90 s, a minute is long")
                .isEqualTo(now.minusSeconds(90));
        assertThat(TrailPage.waitingSince(trail, now.minusSeconds(120))).as("not two minutes yet").isNull();
        assertThat(TrailPage.waitingSince(new AuditTrail(UUID.randomUUID(), "ST-2", "a", "o", null,
                List.of(entry(1, now.minusSeconds(600), "ab"))), now)).as("all sealed").isNull();
    }

    private static AuditEntry entry(long sequence, Instant recordedAt, String hash) {
        return new AuditEntry(sequence, recordedAt, "SupervisoryOrderImposed", "inspector", "INSPECTOR", "r",
                UUID.randomUUID().toString(), Map.of(), hash);
    }
}
