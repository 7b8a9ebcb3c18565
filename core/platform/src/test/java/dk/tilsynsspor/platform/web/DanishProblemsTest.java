package dk.tilsynsspor.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DanishProblemsTest {

    private static MockHttpServletRequest asking(String languages) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (languages != null) {
            request.addHeader("Accept-Language", languages);
        }
        return request;
    }

    @Test
    void danishIsAnsweredWhenItIsTheMostPreferredLanguage() {
        assertThat(DanishProblems.asked(asking("da"))).isTrue();
        assertThat(DanishProblems.asked(asking("da-DK,da;q=0.9,en;q=0.8"))).isTrue();
        assertThat(DanishProblems.asked(asking("en;q=0.5,da;q=0.9"))).isTrue();
        assertThat(DanishProblems.asked(asking("en,da;q=0.8"))).isFalse();
        assertThat(DanishProblems.asked(asking(null))).isFalse();
        assertThat(DanishProblems.asked(asking("!!!"))).isFalse();
    }

    @Test
    void aRuleBrokenIsToldInDanishAndKeepsItsTypeAndStatus() {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "already-acknowledged",
                "Rule broken: already acknowledged", "The order is acknowledged already.");

        DanishProblems.translate(problem);

        assertThat(problem.getTitle()).isEqualTo("Allerede kvitteret");
        assertThat(problem.getDetail()).isEqualTo("Påbuddet er allerede kvitteret.");
        assertThat(problem.getType().toString()).isEqualTo("urn:tilsynsspor:problem:already-acknowledged");
        assertThat(problem.getStatus()).isEqualTo(409);
    }

    @Test
    void invalidFieldsAreNamedInTheDanishDetail() {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Missing or invalid fields: issuedOn.");
        problem.setProperty("errors", List.of(Map.of("field", "issuedOn", "message", "must be a date")));

        DanishProblems.translate(problem);

        assertThat(problem.getDetail()).isEqualTo("Manglende eller ugyldige felter: issuedOn.");
    }

    @Test
    void theServicesOwnFieldMessagesAreSaidInDanishAndBeanValidationsAreKept() {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Missing or invalid fields: kind, note, reason, amount, answer.");
        problem.setProperty("errors", List.of(
                Map.of("field", "kind", "message", "has an invalid value (one of [NOTICE, ORDER])"),
                Map.of("field", "note", "message", "contains a control character (U+0007) at position 3"),
                Map.of("field", "reason", "message", "at most 500 characters"),
                Map.of("field", "amount", "message", "has an invalid value (expected a number)"),
                Map.of("field", "answer", "message", "må ikke være tom")));

        DanishProblems.translate(problem);

        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(
                Map.of("field", "kind", "message", "har en ugyldig værdi (en af [NOTICE, ORDER])"),
                Map.of("field", "note", "message", "indeholder et kontroltegn (U+0007) på plads 3"),
                Map.of("field", "reason", "message", "højst 500 tegn"),
                Map.of("field", "amount", "message", "har en ugyldig værdi (forventede et tal)"),
                Map.of("field", "answer", "message", "må ikke være tom")));
    }

    @Test
    void everyEnglishFieldMessageOfTheServicesHasItsDanish() {
        List.of("is not part of this request", "has an invalid value", "invalid value",
                "has an invalid value (expected a date such as 2027-02-01)",
                "has an invalid value (expected true or false)", "has an invalid value (expected a UUID)",
                "has an invalid value (expected a text)", "has an invalid value (expected a list)",
                "contains an unpaired surrogate (U+D800)", "at most 200 characters").forEach(english ->
                assertThat(DanishProblems.fieldMessage(english)).as(english).isNotEqualTo(english)
                        .doesNotContain("expected", "must", "value", "(one", "$"));
    }

    @Test
    void aTypeWithoutDanishTextKeepsItsEnglish() {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "something-new", "Something new", "English.");

        DanishProblems.translate(problem);

        assertThat(problem.getTitle()).isEqualTo("Something new");
    }

    @Test
    void everyTypeHasBothATitleAndADetail() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = DanishProblems.class.getResourceAsStream("problems_da.properties")) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        texts.stringPropertyNames().forEach(key -> {
            String code = key.substring(0, key.lastIndexOf('.'));
            assertThat(texts).as(code).containsKeys(code + ".title", code + ".detail");
        });
    }
}
