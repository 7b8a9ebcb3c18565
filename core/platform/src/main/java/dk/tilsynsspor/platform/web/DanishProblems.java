package dk.tilsynsspor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Problem texts in Danish for a client that asks for Danish first ({@code Accept-Language: da}): the title and
 * detail of each problem type from {@code problems_da.properties}. The type, status and the fields in error stay as
 * they are; where the English detail named something specific, the Danish one says it in general, and the field
 * names are kept. A type without Danish text keeps its English. Each field's message is said in Danish too: Bean
 * Validation's (its own constraints' and the services', {@code ValidationMessages}) come in the client's language
 * already; the other English ones (a body that cannot be read, the text rules, a header or parameter refused) are
 * translated here.
 */
public final class DanishProblems {

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle(
            "dk.tilsynsspor.platform.web.problems", Locale.forLanguageTag("da"),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /** The services' own English field messages, each as a whole, and their Danish ({@code $n}: the groups). */
    private static final Map<Pattern, String> FIELD_MESSAGES = fieldMessages(
            "is not part of this request", "hører ikke til denne forespørgsel",
            "is sent more than once", "er sendt mere end én gang",
            "must be on one line \\(no line breaks\\)", "skal stå på én linje (uden linjeskift)",
            "has an invalid value", "har en ugyldig værdi",
            "has an invalid value \\(one of (\\[.*])\\)", "har en ugyldig værdi (en af $1)",
            "has an invalid value \\(expected a date such as ([0-9-]+)\\)",
            "har en ugyldig værdi (forventede en dato som $1)",
            "has an invalid value \\(expected true or false\\)", "har en ugyldig værdi (forventede true eller false)",
            "has an invalid value \\(expected a number\\)", "har en ugyldig værdi (forventede et tal)",
            "has an invalid value \\(expected a UUID\\)", "har en ugyldig værdi (forventede et UUID)",
            "has an invalid value \\(expected a text\\)", "har en ugyldig værdi (forventede en tekst)",
            "has an invalid value \\(expected a list\\)", "har en ugyldig værdi (forventede en liste)",
            "invalid value", "ugyldig værdi",
            "contains an unpaired surrogate \\(U\\+([0-9A-F]+)\\)", "indeholder et uparret surrogattegn (U+$1)",
            "contains a control character \\(U\\+([0-9A-F]+)\\) at position ([0-9]+)",
            "indeholder et kontroltegn (U+$1) på plads $2",
            "at most ([0-9]+) characters", "højst $1 tegn");

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
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> errors) {
            problem.setProperty("errors", errors.stream().map(DanishProblems::danishError).toList());
        }
        return problem;
    }

    /** A field's message in Danish where it is one of the services' own English messages; otherwise as it is. */
    static String fieldMessage(String message) {
        for (Map.Entry<Pattern, String> known : FIELD_MESSAGES.entrySet()) {
            Matcher matcher = known.getKey().matcher(message);
            if (matcher.matches()) {
                return matcher.replaceFirst(known.getValue());
            }
        }
        return message;
    }

    private static Object danishError(Object error) {
        if (!(error instanceof Map<?, ?> map) || !(map.get("message") instanceof String message)) {
            return error;
        }
        Map<Object, Object> danish = new LinkedHashMap<>();
        if (map.containsKey("field")) {
            danish.put("field", map.get("field")); // first, as the English answer's field comes first
        }
        danish.putAll(map);
        danish.put("message", fieldMessage(message));
        return danish;
    }

    private static Map<Pattern, String> fieldMessages(String... englishAndDanish) {
        Map<Pattern, String> messages = new LinkedHashMap<>();
        for (int i = 0; i < englishAndDanish.length; i += 2) {
            messages.put(Pattern.compile(englishAndDanish[i]), englishAndDanish[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(messages);
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
