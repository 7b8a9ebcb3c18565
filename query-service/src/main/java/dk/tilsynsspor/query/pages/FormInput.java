package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.query.pages.Commands.Refusal;
import dk.tilsynsspor.query.web.InvalidParameterException;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A submitted form read into a command's body. Form fields carry the API's field names (rows as
 * {@code milestones[0].dueOn}), so command-service's fields in error point at the form's own. What only the page can
 * tell (a date or a number that does not parse) is found here, in Danish, and nothing is sent. Texts go as typed
 * (a blank one as none): command-service's bounds and rules decide, as for any client.
 */
public final class FormInput {

    /** What follows {@code prefix[} in a field of a row: its number, as the page writes it, then the row's field. */
    private static final Pattern ROW = Pattern.compile("(0|[1-9]\\d{0,8})]\\..+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,30}([.,]\\d{1,30})?");

    private final MultiValueMap<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    /** The API's field of a row as it was sent (rows left empty are not sent) → the form's field. */
    private final Map<String, String> formFields = new HashMap<>();

    public FormInput(MultiValueMap<String, String> values) {
        this.values = values;
    }

    public MultiValueMap<String, String> values() {
        return values;
    }

    /**
     * The key the form was shown with (the same for a double submit), or null. A key the page did not make (a form
     * edited by hand) is refused with a page of its own: it would go to command-service as a header, and a control
     * character in it would fail the request here.
     */
    public String idempotencyKey() {
        String key = values.getFirst("idempotencyKey");
        if (key == null || key.isBlank()) {
            return null;
        }
        String stripped = key.strip();
        if (!Forms.isKey(stripped)) {
            throw new InvalidParameterException("idempotencyKey",
                    "Formularen er ændret, så den ikke kan sendes. Hent siden igen, og udfyld formularen der.");
        }
        return stripped;
    }

    /** Whether the form was sent by a button that asks for one more row of {@code prefix} instead of sending. */
    public boolean wantsAnotherRow() {
        return values.getFirst("flere") != null;
    }

    /** The text typed, or null if blank. Line breaks are kept; surrounding blanks are not. */
    public String text(String field) {
        String value = values.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<String> list(String field) {
        List<String> list = values.get(field);
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    /** A date from a date field (ISO, as browsers send it), or null if blank. */
    public LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException unreadable) {
            errors.put(field, "Skriv en dato som år-måned-dag, fx 2027-02-01.");
            return null;
        }
    }

    /** A number, with a decimal comma or point, or null if blank. */
    public BigDecimal number(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        String compact = value.replace(" ", "").replace("\u00a0", "");
        if (!NUMBER.matcher(compact).matches()) {
            errors.put(field, "Skriv et tal, fx 4 eller 2,5.");
            return null;
        }
        return new BigDecimal(compact.replace(',', '.'));
    }

    /** Yes or no from a pair of radio buttons ({@code true}/{@code false}), or null if neither was chosen. */
    public Boolean yesNo(String field) {
        String value = text(field);
        return value == null ? null : Boolean.valueOf(value);
    }

    /**
     * The rows of a repeated group ({@code prefix[i].field}), each read by {@code row} from a view of its own
     * fields; rows left wholly empty are left out, and the rest renumbered as the API will see them. A row's
     * {@code id} (a hidden field naming what the row stands for) is not typing: a row with nothing else is empty.
     */
    public List<Map<String, Object>> rows(String prefix, int maxRows, RowReader row) {
        requireRowsWithin(prefix, maxRows);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int index = 0; index < maxRows; index++) {
            String formPrefix = prefix + "[" + index + "].";
            boolean typed = values.keySet().stream().anyMatch(field -> field.startsWith(formPrefix)
                    && !field.equals(formPrefix + "id") && text(field) != null);
            if (!typed) {
                continue;
            }
            String apiPrefix = prefix + "[" + rows.size() + "].";
            Map<String, Object> read = row.read(new Row(formPrefix));
            read.keySet().forEach(field -> formFields.put(apiPrefix + field, formPrefix + field));
            rows.add(read);
        }
        return rows;
    }

    /**
     * Every row of {@code prefix} is one the form can have ({@code prefix[0]} to {@code prefix[maxRows - 1]}): a field
     * of any other row could only come from a form edited by hand, and what was typed into it would be lost without a
     * word, so the form is refused with a page of its own and nothing is sent.
     */
    public void requireRowsWithin(String prefix, int maxRows) {
        for (String field : values.keySet()) {
            if (!field.startsWith(prefix + "[")) {
                continue;
            }
            int row = rowOf(prefix, field);
            if (row < 0 || row >= maxRows) {
                throw new InvalidParameterException(prefix, "Formularen er ændret, så den ikke kan sendes: den har "
                        + "højst " + maxRows + " rækker. Hent siden igen, og udfyld formularen der.");
            }
        }
    }

    /**
     * The row a field of {@code prefix}'s rows belongs to ({@code prefix[i].field}: i, written as the page writes it,
     * below a billion), or -1 for any other field.
     */
    static int rowOf(String prefix, String field) {
        if (!field.startsWith(prefix + "[")) {
            return -1;
        }
        Matcher matcher = ROW.matcher(field.substring(prefix.length() + 1));
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** Reads one row's fields into its part of the body. */
    @FunctionalInterface
    public interface RowReader {
        Map<String, Object> read(Row row);
    }

    /** One row's fields, by their names within the row. */
    public final class Row {
        private final String prefix;

        Row(String prefix) {
            this.prefix = prefix;
        }

        public String text(String field) {
            return FormInput.this.text(prefix + field);
        }

        public LocalDate date(String field) {
            return FormInput.this.date(prefix + field);
        }

        public BigDecimal number(String field) {
            return FormInput.this.number(prefix + field);
        }
    }

    /** The page's own finding that a field is wrong (nothing is sent). */
    public void error(String field, String message) {
        errors.put(field, message);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Refusal refusal() {
        return Refusal.invalidFields(errors);
    }

    /** The API's {@code apiField} is the form's {@code formField}: a refusal naming the one marks the other. */
    public void alias(String apiField, String formField) {
        formFields.put(apiField, formField);
    }

    /** command-service's refusal with its fields named as the form names them. */
    public Refusal inFormTerms(Refusal refusal) {
        return new Refusal(refusal.status(), refusal.code(), refusal.title(), refusal.detail(),
                refusal.errors().stream().map(error -> new Refusal.FieldError(
                        formFields.getOrDefault(error.field(), error.field()), error.message())).toList());
    }

    /** A body's fields in order, leaving out those that are null (the API then says what is missing). */
    public static Map<String, Object> body(Object... fieldsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        return body;
    }
}
