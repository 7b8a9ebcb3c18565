package dk.tilsynsspor.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details with a stable type per kind of problem, the same in both services. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:tilsynsspor:problem:";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        return problem;
    }

    /** 400 {@code invalid-request} about one field: {@code detail}, and the field and its message in {@code errors}. */
    public static ProblemDetail invalidField(String detail, String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
