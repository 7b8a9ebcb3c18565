package dk.tilsynsspor.query.web;

import dk.tilsynsspor.platform.web.ProblemAnswers;
import dk.tilsynsspor.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error as RFC 9457 problem details, with a stable {@code type} per kind of problem. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemAnswers {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException exception) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", exception.getMessage()));
    }

    @ExceptionHandler(VerificationUnavailableException.class)
    ResponseEntity<ProblemDetail> verificationUnavailable(VerificationUnavailableException exception) {
        return respond(problem(HttpStatus.NOT_IMPLEMENTED, "verification-unavailable", "Verification unavailable",
                exception.getMessage()));
    }

    @ExceptionHandler(ReadModelBehindException.class)
    ResponseEntity<ProblemDetail> readModelBehind(ReadModelBehindException exception) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ReadModelBehindException.RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, exception.code(), exception.title(),
                        exception.getMessage()));
    }

    @ExceptionHandler(DocumentUnavailableException.class)
    ResponseEntity<ProblemDetail> documentUnavailable(DocumentUnavailableException exception) {
        return respond(switch (exception.outcome()) {
            case ERASED -> problem(HttpStatus.GONE, "document-erased", "Document erased", exception.getMessage());
            case MISSING -> problem(HttpStatus.CONFLICT, "document-missing", "Document missing",
                    exception.getMessage());
            default -> problem(HttpStatus.CONFLICT, "document-altered", "Document altered", exception.getMessage());
        });
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException exception) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are logged in, but not allowed to see this."));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException exception) {
        return respond(Problems.invalidField(exception.getMessage(), exception.parameter(), "invalid value"));
    }

}
