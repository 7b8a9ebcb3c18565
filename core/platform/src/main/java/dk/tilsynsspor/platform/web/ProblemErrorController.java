package dk.tilsynsspor.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reaches the servlet container's error page (a failure outside every controller advice: in a filter, in the
 * security chain, or one nobody foresaw) answered as problem details like every other error, without Spring's
 * timestamp-and-path body; for a browser, the service's own error page if it has one.
 */
public class ProblemErrorController extends BasicErrorController {

    private final ErrorAttributes errorAttributes;

    public ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties properties,
                                  List<ErrorViewResolver> resolvers) {
        super(errorAttributes, properties, resolvers);
        this.errorAttributes = errorAttributes;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Throwable failure = errorAttributes.getError(new ServletWebRequest(request));
        if (failure != null && DatabaseUnavailable.isCause(failure)) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
        }
        ProblemDetail problem = status == HttpStatus.SERVICE_UNAVAILABLE ? DatabaseUnavailable.problem()
                : Problems.problem(status, code(status), status.getReasonPhrase(), detail(status));
        if (DanishProblems.asked(request)) {
            DanishProblems.translate(problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            body.put("instance", uri.toString());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        return answer.body(body);
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "not-authenticated";
            case FORBIDDEN -> "forbidden";
            default -> status.is4xxClientError() ? "invalid-request" : "error";
        };
    }

    private static String detail(HttpStatus status) {
        if (status.is5xxServerError()) {
            return "The request failed unexpectedly; the failure is logged. Nothing of it was recorded.";
        }
        return status == HttpStatus.NOT_FOUND ? "There is nothing here." : status.getReasonPhrase() + ".";
    }
}
