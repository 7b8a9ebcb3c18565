package dk.tilsynsspor.command.web;

import dk.tilsynsspor.command.rules.RuleBroken;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.platform.web.BodyTooLargeException;
import dk.tilsynsspor.platform.web.DatabaseUnavailable;
import dk.tilsynsspor.platform.web.ProblemAnswers;
import dk.tilsynsspor.platform.web.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every error as RFC 9457 problem details, with a stable {@code type} per kind of problem. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String fields = errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Missing or invalid fields: " + fields + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (BodyTooLargeException.isCause(exception)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "body-too-large", "Request body too large", exception.getCause().getMessage()));
        }
        return ResponseEntity.badRequest().body(JsonProblems.of(exception.getCause()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException exception) {
        if (LostRace.is(exception)) {
            return concurrentChange();
        }
        RuleBroken rule = exception.<RuleBroken>getDetails().orElse(null);
        if (rule == null && DatabaseUnavailable.isCause(exception)) {
            return DatabaseUnavailable.response();
        }
        if (rule == null) {
            log.error("Command failed", exception);
            return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "command-failed", "Command failed",
                    "The command could not be carried out; nothing was recorded."));
        }
        return respond(ruleBroken(rule));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation) {
        return respond(ruleBroken(violation.details()));
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFoundException exception) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", exception.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException exception) {
        return respond(Problems.invalidField(exception.getMessage(), exception.field(), exception.problem()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException exception) {
        return respond(problem(HttpStatus.CONFLICT, "already-exists", "Already exists",
                "Something with this id exists already; choose another id or leave it out."));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException exception) {
        return concurrentChange();
    }

    private ResponseEntity<ProblemDetail> concurrentChange() {
        return respond(problem(HttpStatus.CONFLICT, LostRace.CODE, "Concurrent change", LostRace.DETAIL));
    }

    private static ProblemDetail ruleBroken(RuleBroken rule) {
        HttpStatus status = switch (rule.kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        String title = status == HttpStatus.FORBIDDEN ? "Forbidden" : "Rule broken: " + rule.code().replace('-', ' ');
        ProblemDetail problem = problem(status, rule.code(), title, rule.detail());
        if (rule.field() != null) {
            problem.setProperty("field", rule.field());
        }
        return problem;
    }

}
