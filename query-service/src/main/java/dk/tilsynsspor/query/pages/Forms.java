package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.query.pages.Commands.Refusal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A form as the page shows it: empty with a fresh idempotency key, or, after a refused submit, with what was typed,
 * the refusal's Danish explanation and the fields in error, and the same key (every submit redirects back to the
 * page it came from, the state kept for one request as a flash attribute). Templates reach it as {@code forms}.
 */
public final class Forms {

    static final String STATE = "formState";
    static final String DONE = "formDone";
    private static final String KEY = "idempotencyKey";
    private static final Pattern KEY_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A refused (or not yet sendable) form: its name, the values typed, why it was refused. */
    public record State(String form, Map<String, List<String>> values, Refusal refusal) implements java.io.Serializable {
    }

    private final State state;
    private final String done;
    private boolean problemShown;

    Forms(State state, String done) {
        this.state = state;
        this.done = done;
    }

    /** After a submit: back to the page with the form as it was typed and why it was refused. */
    public static void refused(RedirectAttributes redirect, String form, MultiValueMap<String, String> values,
                               Refusal refusal) {
        Map<String, List<String>> kept = new java.util.LinkedHashMap<>();
        values.forEach((field, list) -> {
            if (!"_csrf".equals(field)) {
                kept.put(field, List.copyOf(list));
            }
        });
        redirect.addFlashAttribute(STATE, new State(form, kept, refusal));
    }

    /** After a submit that went through: what the page says it recorded. */
    public static void done(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(DONE, message);
    }

    /** What the last submit recorded, or null. */
    public String done() {
        return done;
    }

    /** The key the form is sent with: the refused submit's own (the same form again), else a new one. */
    public String key(String form) {
        String kept = value(form, KEY);
        return kept != null && isKey(kept) ? kept : UUID.randomUUID().toString();
    }

    /** Whether {@code key} is one the pages make: a UUID in its usual form. */
    static boolean isKey(String key) {
        return KEY_FORM.matcher(key).matches();
    }

    public boolean refused(String form) {
        return state != null && state.form().equals(form);
    }

    /** Why the form was refused, or null; the page shows it beside the form. */
    public Refusal problem(String form) {
        if (refused(form)) {
            problemShown = true;
            return state.refusal();
        }
        return null;
    }

    /** The form the last submit came from, or null. */
    public String refusedForm() {
        return state == null ? null : state.form();
    }

    /**
     * A refusal whose form the page no longer shows (what it would do was done meanwhile, say by a colleague):
     * asked for at the end of the page, after every form had its chance to show it.
     */
    public Refusal problemNotShown() {
        return state != null && state.refusal() != null && !problemShown ? state.refusal() : null;
    }

    public String value(String form, String field) {
        List<String> values = values(form, field);
        return values.isEmpty() ? null : values.get(0);
    }

    public String value(String form, String field, Object otherwise) {
        return refused(form) ? value(form, field) : otherwise == null ? null : otherwise.toString();
    }

    public List<String> values(String form, String field) {
        return refused(form) ? state.values().getOrDefault(field, List.of()) : List.of();
    }

    public boolean checked(String form, String field, Object value) {
        return values(form, field).contains(String.valueOf(value));
    }

    public String error(String form, String field) {
        return refused(form) && state.refusal() != null ? state.refusal().error(field) : null;
    }

    /**
     * How many rows of a repeated group ({@code prefix[i].field}) to show: those typed, at least {@code least}, one
     * more when asked for, and never more than {@code most} (the most the form takes; a row number past it, typed
     * into the form's address by hand, shows no more rows).
     */
    public int rows(String form, String prefix, int least, int most) {
        if (!refused(form)) {
            return Math.min(least, most);
        }
        int rows = least;
        for (String field : state.values().keySet()) {
            rows = Math.max(rows, Math.min(FormInput.rowOf(prefix, field) + 1, most));
        }
        String more = value(form, "flere");
        return Math.min(more != null && more.equals(prefix) ? rows + 1 : rows, most);
    }
}
