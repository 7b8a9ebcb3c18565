package dk.tilsynsspor.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

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
}
