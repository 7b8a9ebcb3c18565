package dk.tilsynsspor.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What both services' controller advice answers alike: Spring's own problems (405, 406, 415, unknown path, ...)
 * with Spring's status and English text and a type of ours instead of about:blank; a path or query parameter that
 * cannot be read, or is sent more than once where it takes one value; a multipart part its handler does not take; a
 * database that cannot be reached (503 at once, so that the client may retry).
 */
public abstract class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);
    /** How Tomcat's message begins when a multipart part's headers are too long. */
    private static final String PART_HEADERS_TOO_LONG = "Header section has more than";

    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<ProblemDetail> dataAccess(DataAccessException exception) {
        if (DatabaseUnavailable.isCause(exception)) {
            return DatabaseUnavailable.response();
        }
        log.error("Database access failed", exception);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "error", "Internal error",
                "The request could not be carried out; nothing was changed."));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        return ResponseEntity.badRequest().body(Problems.invalidField("Parameter " + name + " has an invalid value"
                + expected(exception.getRequiredType()) + ".", name, "invalid value"));
    }

    /**
     * Tomcat refuses a multipart part whose headers (its Content-Disposition, with the file's name) pass
     * {@code server.tomcat.max-part-header-size} with the exception of an upload that is too large, which Spring
     * answers 413 "Maximum upload size exceeded": for a file of a few bytes with a very long name. Only the message
     * tells the two apart; such a part is answered 400, saying what is too long. (A body too large is answered 413 by
     * {@link RequestGuard} before it is read.)
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException exception,
                                                                           HttpHeaders headers, HttpStatusCode status,
                                                                           WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith(PART_HEADERS_TOO_LONG)) {
                return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                        "Invalid request", "A part of the upload has headers (such as its file's name) longer than"
                                + " the service takes."));
            }
        }
        return super.handleMaxUploadSizeExceededException(exception, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException exception,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (exception instanceof RefusedParameterException refused) {
            return ResponseEntity.badRequest().body(Problems.invalidField(refused.getMessage(), refused.parameter(),
                    refused.fieldMessage()));
        }
        return super.handleServletRequestBindingException(exception, headers, status, request);
    }

    private static String expected(Class<?> type) {
        if (type == UUID.class) {
            return " (expected a UUID)";
        }
        if (type == Instant.class) {
            return " (expected an ISO instant such as 2026-11-01T12:00:00Z)";
        }
        return type != null && type.isEnum() ? " (one of " + List.of(type.getEnumConstants()) + ")" : "";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create(Problems.TYPE_PREFIX + (status.value() == 404 ? "not-found"
                    : status.is4xxClientError() ? "invalid-request" : "error")));
        }
        return response;
    }

    /**
     * A service's message source (query-service's Danish page labels, which answer a missing key with the key) is
     * not for problem titles: Spring's default titles are used, never keys such as problemDetail.title.….
     */
    @Override
    public void setMessageSource(MessageSource messageSource) {
        // deliberately not kept
    }

    protected static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        return Problems.problem(status, code, title, detail);
    }

    protected static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
