package dk.tilsynsspor.command.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.tilsynsspor.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.CharConversionException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A request body that could not be read, said in terms of its fields rather than of the JSON library. */
final class JsonProblems {

    private JsonProblems() {
    }

    static ProblemDetail of(Throwable cause) {
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String message = message(mismatch);
            return Problems.invalidField("Field " + field + " " + message + ".", field, message);
        }
        String detail = "The request body is missing or is not valid JSON.";
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage().startsWith("Duplicate field")) {
            detail = "The request body names a field twice: " + parse.getOriginalMessage().substring(16) + ".";
        } else if (cause instanceof MismatchedInputException mismatch
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            detail = "The request body has more after its JSON document.";
        } else if (cause instanceof CharConversionException || cause instanceof JsonParseException parse
                && parse.getOriginalMessage().startsWith("Invalid UTF-8")) {
            detail = "The request body is not valid UTF-8; JSON is sent as UTF-8.";
        }
        return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
    }

    private static String message(MismatchedInputException mismatch) {
        if (mismatch instanceof UnrecognizedPropertyException) {
            return "is not part of this request";
        }
        Class<?> target = mismatch.getTargetType();
        if (mismatch instanceof InvalidFormatException format && target == String.class) {
            return format.getOriginalMessage(); // a text refused by the text rules says why itself
        }
        return "has an invalid value" + expected(target);
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "";
        }
        if (target.isEnum()) {
            return " (one of " + Arrays.toString(target.getEnumConstants()) + ")";
        }
        if (target == LocalDate.class) {
            return " (expected a date such as 2027-02-01)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return " (expected true or false)";
        }
        if (target == BigDecimal.class) {
            return " (expected a number)";
        }
        if (target == UUID.class) {
            return " (expected a UUID)";
        }
        if (target == String.class) {
            return " (expected a text)";
        }
        return List.class.isAssignableFrom(target) ? " (expected a list)" : "";
    }

    private static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
