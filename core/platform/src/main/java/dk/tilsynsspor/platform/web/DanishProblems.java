package dk.tilsynsspor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Problem texts in Danish for a client that asks for Danish first ({@code Accept-Language: da}): the title and
 * detail of each problem type from {@code problems_da.properties}. The type, status and the fields in error stay as
 * they are; where the English detail named something specific, the Danish one says it in general, and the field
 * names are kept. A type without Danish text keeps its English.
 */
public final class DanishProblems {

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle(
            "dk.tilsynsspor.platform.web.problems", Locale.forLanguageTag("da"),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private DanishProblems() {
    }

    /** Whether the request's most preferred language is Danish. */
    public static boolean asked(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("da");
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The problem with Danish title and detail, if there are Danish texts for its type. */
    public static ProblemDetail translate(ProblemDetail problem) {
        String code = code(problem.getType());
        if (code == null || !TEXTS.containsKey(code + ".title")) {
            return problem;
        }
        problem.setTitle(TEXTS.getString(code + ".title"));
        problem.setDetail(detail(code, problem));
        return problem;
    }

    private static String detail(String code, ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            String fields = errors.stream().map(error -> error instanceof Map<?, ?> map ? map.get("field") : null)
                    .filter(field -> field != null).map(Object::toString).distinct()
                    .collect(Collectors.joining(", "));
            return "Manglende eller ugyldige felter: " + fields + ".";
        }
        return text(code + ".detail");
    }

    private static String text(String key) {
        try {
            return TEXTS.getString(key);
        } catch (MissingResourceException missing) {
            return null;
        }
    }

    private static String code(URI type) {
        String text = type == null ? "" : type.toString();
        return text.startsWith(Problems.TYPE_PREFIX) ? text.substring(Problems.TYPE_PREFIX.length()) : null;
    }
}
