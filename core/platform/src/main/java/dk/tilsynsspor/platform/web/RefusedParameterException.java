package dk.tilsynsspor.platform.web;

import org.springframework.web.bind.ServletRequestBindingException;

/**
 * A request parameter or multipart part refused before its handler runs, answered 400 with the field named
 * ({@link ProblemAnswers}): sent twice where it takes one value, or not taken at all.
 */
public abstract class RefusedParameterException extends ServletRequestBindingException {

    private final String parameter;
    private final String fieldMessage;

    RefusedParameterException(String parameter, String fieldMessage, String message) {
        super(message);
        this.parameter = parameter;
        this.fieldMessage = fieldMessage;
    }

    /** The parameter's or part's name. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong with it, as the problem's field message says it (translated by {@link DanishProblems}). */
    public String fieldMessage() {
        return fieldMessage;
    }
}
