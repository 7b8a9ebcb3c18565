package dk.tilsynsspor.command.input;

import dk.tilsynsspor.platform.text.TextRules;
import dk.tilsynsspor.platform.web.DanishProblems;
import dk.tilsynsspor.platform.web.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input constraints' own messages, and the text rules', reach a client that asks for Danish in Danish: each
 * message as the constraint declares it, so that a message changed here without its Danish fails this test.
 */
class InputMessagesInDanishTest {

    @Test
    void everyInputConstraintsMessageIsToldInDanish() throws Exception {
        for (Class<? extends Annotation> constraint : List.of(ActorId.class, Amount.class, PlausibleDate.class)) {
            String english = (String) constraint.getMethod("message").getDefaultValue();

            assertThat(danish(english)).as(constraint.getSimpleName()).isNotEqualTo(english)
                    .doesNotContain("must", "digits", "date from");
        }
    }

    @Test
    void aTextRefusedByTheTextRulesIsToldInDanish() {
        String english = TextRules.problem("ab\u0007").orElseThrow();

        assertThat(danish(english)).isEqualTo("indeholder et kontroltegn (U+0007) på plads 3");
    }

    private static String danish(String message) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Missing or invalid fields: field.");
        problem.setProperty("errors", List.of(Map.of("field", "field", "message", message)));
        DanishProblems.translate(problem);
        return ((List<?>) problem.getProperties().get("errors")).stream()
                .map(error -> String.valueOf(((Map<?, ?>) error).get("message"))).findFirst().orElseThrow();
    }
}
