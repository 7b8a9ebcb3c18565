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
