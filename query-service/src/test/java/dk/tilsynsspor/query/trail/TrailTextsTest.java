package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.privacy.PersonalFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrailTextsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aForgottenCitizensTextsReadAsErasedAlsoWhereTheStoreKeepsThemInTheClear() throws Exception {
        // as stored before personal texts were sealed: the append-only store keeps the event as it was recorded
        ObjectNode stored = (ObjectNode) mapper.readTree("""
                {"caseId":"c","sessionId":"s","insight":"Uro ved aftensmaden","practiceChange":null,
                 "professionalId":"p"}""");

        TrailTexts.erase(SessionInsightRecorded.class.getName(), stored);

        assertThat(stored.get("insight").textValue()).isEqualTo(PersonalFields.ERASED);
        assertThat(stored.get("practiceChange").textValue()).as("a personal field present, if empty").isEqualTo(
                PersonalFields.ERASED);
        assertThat(stored.get("professionalId").textValue()).as("not a citizen's text").isEqualTo("p");
        assertThat(stored.has("themeId")).isFalse();
    }

    @Test
    void anEventTypeTheServiceDoesNotKnowIsLeftAsItIs() throws Exception {
        ObjectNode stored = (ObjectNode) mapper.readTree("{\"insight\":\"x\"}");

        TrailTexts.erase("org.example.Unknown", stored);

        assertThat(stored.get("insight").textValue()).isEqualTo("x");
    }

    @Test
    void theTrailNamesAnEventTypeByItsClassNameAlone() {
        assertThat(TrailRepository.simpleName("dk.tilsynsspor.core.order.SupervisoryOrderImposed"))
                .isEqualTo("SupervisoryOrderImposed");
        assertThat(TrailRepository.simpleName("dk.tilsynsspor.core.order.Outer$Inner")).isEqualTo("Inner");
        assertThat(TrailRepository.simpleName("NoPackage")).isEqualTo("NoPackage");
    }
}
