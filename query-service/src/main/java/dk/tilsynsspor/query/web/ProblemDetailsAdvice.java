package dk.tilsynsspor.query.web;

import dk.tilsynsspor.platform.web.DatabaseUnavailable;
import dk.tilsynsspor.platform.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Every error as RFC 9457 problem details, with a stable {@code type} per kind of problem. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = Problems.TYPE_PREFIX;

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException exception) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", exception.getMessage()));
    }

    @ExceptionHandler(VerificationUnavailableException.class)
    ResponseEntity<ProblemDetail> verificationUnavailable(VerificationUnavailableException exception) {
        return respond(problem(HttpStatus.NOT_IMPLEMENTED, "verification-unavailable", "Verification unavailable",
                exception.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException exception) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are logged in, but not allowed to see this."));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException exception) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                exception.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", exception.parameter(), "message", "invalid value")));
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException exception) {
        Class<?> type = exception.getRequiredType();
        String expected = type == null ? "" : switch (type.getSimpleName()) {
            case "Instant" -> " (expected an ISO instant such as 2026-11-01T12:00:00Z)";
            case "UUID" -> " (expected a UUID)";
            default -> type.isEnum()
                    ? " (one of " + List.of(type.getEnumConstants()) + ")" : "";
        };
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Parameter " + exception.getName() + " has an invalid value" + expected + ".");
        problem.setProperty("errors", List.of(Map.of("field", exception.getName(), "message", "invalid value")));
        return respond(problem);
    }

    /** Database failures: 503 at once while the database is away, so that the client may retry. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException exception) {
        if (DatabaseUnavailable.isCause(exception)) {
            return DatabaseUnavailable.response();
        }
        throw exception;
    }

    /**
     * Spring's own problems (405, 406, unknown path, ...) keep Spring's status and English text, with a type of ours
     * instead of about:blank.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create(TYPE_PREFIX + (status.value() == 404 ? "not-found"
                    : status.is4xxClientError() ? "invalid-request" : "error")));
        }
        return response;
    }

    /**
     * The pages' message source (Danish labels, which answers a missing key with the key itself) is not for
     * problem titles: Spring's default English titles are used instead of keys such as problemDetail.title.….
     */
    @Override
    public void setMessageSource(MessageSource messageSource) {
        // deliberately not kept
    }

    static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
