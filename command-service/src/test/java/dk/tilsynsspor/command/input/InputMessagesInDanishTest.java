package dk.tilsynsspor.command.input;

import dk.tilsynsspor.platform.text.TextRules;
import dk.tilsynsspor.platform.web.DanishProblems;
import dk.tilsynsspor.platform.web.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input constraints' own messages, and the text rules', reach a client in its language: the constraints' through
 * Bean Validation's {@code ValidationMessages} (English, and Danish when asked), the text rules' translated by the
 * platform's {@code DanishProblems}.
 */
class InputMessagesInDanishTest {

    record Input(@ActorId String actor, @Amount BigDecimal amount, @PlausibleDate LocalDate date,
                 @OneLine String title) {
    }

    private static final Input REFUSED = new Input("a b", new BigDecimal("1234567890123"), LocalDate.of(1800, 1, 1),
            "ST-1\nBcc: x");

    @Test
    void everyInputConstraintsMessageIsToldInDanishWhenDanishIsAsked() {
        assertThat(messages(Locale.forLanguageTag("da"))).isEqualTo(Map.of(
                "actor", "skal være 1-200 bogstaver, tal eller . _ @ : | + - (ingen mellemrum)",
                "amount", "må højst have 12 cifre før kommaet og 6 efter",
                "date", "skal være en dato fra 1900-01-01 til 9999-12-31",
                "title", "skal stå på én linje (uden linjeskift)"));
    }

    record Sized(@jakarta.validation.constraints.Size(max = 20000) String text,
                 @jakarta.validation.constraints.Size(min = 2, max = 50) String name,
                 @jakarta.validation.constraints.Size(max = 3) List<String> items) {
    }

    @Test
    void aTooLongTextOrListIsToldInCharactersOrElements() {
        Sized refused = new Sized("x".repeat(20001), "x", List.of("a", "b", "c", "d"));
        assertThat(messages(Locale.forLanguageTag("da"), refused)).isEqualTo(Map.of(
                "text", "må højst være 20000 tegn",
                "name", "skal være mellem 2 og 50 tegn",
                "items", "må højst have 3 elementer"));
    }

    @Test
    void andInEnglishOtherwise() {
        assertThat(messages(Locale.ENGLISH)).isEqualTo(Map.of(
                "actor", "must be 1 to 200 letters, digits or . _ @ : | + - (no spaces)",
                "amount", "must have at most 12 digits before the decimal point and 6 after",
                "date", "must be a date from 1900-01-01 to 9999-12-31",
                "title", "must be on one line (no line breaks)"));
    }

    @Test
    void eachKindOfLineBreakIsRefusedInAOneLineTextAndNoOtherCharacter() {
        for (String broken : List.of("a\nb", "a\r\nb", "a\rb", "a\u2028b", "a\u2029b")) {
            assertThat(violations(new Titled(broken))).as(broken).isEqualTo(1);
        }
        assertThat(violations(new Titled("Påbud ST-2026-0042 § 8 — \t«Metode» 😀"))).isZero();
        assertThat(violations(new Titled(null))).isZero();
    }

    record Titled(@OneLine String title) {
    }

    @Test
    void theUploadsOneLineMessageIsToldInDanishToo() {
        assertThat(danish("must be on one line (no line breaks)")).isEqualTo("skal stå på én linje (uden linjeskift)");
    }

    private static int violations(Titled titled) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator().validate(titled).size();
        }
    }

    @Test
    void aTextRefusedByTheTextRulesIsToldInDanish() {
        String english = TextRules.problem("ab\u0007").orElseThrow();

        assertThat(danish(english)).isEqualTo("indeholder et kontroltegn (U+0007) på plads 3");
    }

    private static Map<String, String> messages(Locale locale) {
        return messages(locale, REFUSED);
    }

    private static <T> Map<String, String> messages(Locale locale, T refused) {
        var configuration = Validation.byProvider(HibernateValidator.class).configure().defaultLocale(locale);
        StrictInputConfiguration.messagesByKindOfValue(configuration);
        try (ValidatorFactory factory = configuration.buildValidatorFactory()) {
            Map<String, String> messages = new TreeMap<>();
            for (ConstraintViolation<T> violation : factory.getValidator().validate(refused)) {
                messages.put(violation.getPropertyPath().toString(), violation.getMessage());
            }
            return messages;
        }
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
