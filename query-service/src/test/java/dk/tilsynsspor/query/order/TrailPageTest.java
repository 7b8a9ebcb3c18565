package dk.tilsynsspor.query.order;

import dk.tilsynsspor.query.pages.PageFormats;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrailPageTest {

    @Test
    void theTrailsFiltersListEventsAndRolesInTheOrderOfTheirDanishLabels() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        TrailPage page = new TrailPage(null, null, null, messages);

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
        TrailPage page = new TrailPage(null, null, null, messages);

        assertThat(page.byLabel(List.of("A", "B", "C", "D", "Unknown"), "Event."))
                .containsExactly("Unknown", "D", "C", "B", "A");
    }
}
