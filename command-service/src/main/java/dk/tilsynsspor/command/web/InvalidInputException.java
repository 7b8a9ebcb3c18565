package dk.tilsynsspor.command.web;

/**
 * A request header, or a text part of a multipart request, has a value the API cannot take: answered 400 with the
 * field and its problem, as a body's field in error is.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String problem;

    private InvalidInputException(String field, String detail, String problem) {
        super(detail);
        this.field = field;
        this.problem = problem;
    }

    /** Header {@code header} has {@code problem} ("at most 2000 characters"). */
    public static InvalidInputException header(String header, String problem) {
        return new InvalidInputException(header, "Header " + header + ": " + problem, problem);
    }

    /** Multipart part {@code part} has {@code problem} in what {@code subject} names (its text, its file's name). */
    public static InvalidInputException part(String part, String subject, String problem) {
        return new InvalidInputException(part, subject + " " + problem + ".", problem);
    }

    public String field() {
        return field;
    }

    /** What is wrong, in the words of a field's message: "contains a control character (U+0001) at position 2". */
    public String problem() {
        return problem;
    }
}
