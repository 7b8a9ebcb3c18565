package dk.tilsynsspor.command.rules;

/**
 * A command broke a rule of the domain. The code is stable (it names the problem type clients can rely on); the
 * detail is written for the leader or inspector who sent the command.
 */
public class RuleViolation extends RuntimeException {

    /**
     * Whether the command conflicts with the current state (409), its content breaks a rule (422), or it names a
     * part of the aggregate (a requirement, a session) that does not exist (404), or the actor may not send it (403).
     */
    public enum Kind { CONFLICT, UNPROCESSABLE, NOT_FOUND, FORBIDDEN }

    private final String code;
    private final Kind kind;
    private final String field;

    public RuleViolation(String code, Kind kind, String detail) {
        this(code, kind, detail, null);
    }

    private RuleViolation(String code, Kind kind, String detail, String field) {
        super(detail);
        this.code = code;
        this.kind = kind;
        this.field = field;
    }

    /**
     * The same violation, naming the request's field it is about ({@code requirements[1].deadline}), so that a
     * client (the pages' forms) can point at it; the problem carries it as {@code field}.
     */
    public RuleViolation at(String field) {
        return new RuleViolation(code, kind, getMessage(), field);
    }

    public static RuleViolation conflict(String code, String detail) {
        return new RuleViolation(code, Kind.CONFLICT, detail);
    }

    public static RuleViolation unprocessable(String code, String detail) {
        return new RuleViolation(code, Kind.UNPROCESSABLE, detail);
    }

    public static RuleViolation notFound(String code, String detail) {
        return new RuleViolation(code, Kind.NOT_FOUND, detail);
    }

    public static RuleViolation forbidden(String code, String detail) {
        return new RuleViolation(code, Kind.FORBIDDEN, detail);
    }

    /** A required text is present; the problem names the field it is missing from. */
    public static void requireText(String value, String code, String detail, String field) {
        if (value == null || value.isBlank()) {
            throw unprocessable(code, detail).at(field);
        }
    }

    /** The guard every aggregate needs: a required text is present. */
    public static void requireText(String value, String code, String detail) {
        if (value == null || value.isBlank()) {
            throw unprocessable(code, detail);
        }
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public RuleBroken details() {
        return new RuleBroken(code, kind, getMessage(), field);
    }
}
