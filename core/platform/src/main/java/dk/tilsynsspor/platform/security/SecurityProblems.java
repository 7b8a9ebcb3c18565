package dk.tilsynsspor.platform.security;

import dk.tilsynsspor.platform.web.ProblemResponses;
import dk.tilsynsspor.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;

/**
 * 401 and 403 from the security filters as problem details, like every other error; the 401 carries the Basic
 * challenge so that curl and browsers know to ask for a login.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    public SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tilsynsspor\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "not-authenticated", "Not authenticated",
                why(exception));
    }

    /** Whether credentials were missing or wrong, without saying which part of them was wrong. */
    private static String why(AuthenticationException exception) {
        if (exception instanceof BadCredentialsException) {
            return "The user name or password is wrong.";
        }
        if (exception instanceof OAuth2AuthenticationException) {
            return "The bearer token is not valid: it is expired, not signed by the configured identity provider, "
                    + "or lacks the claims sub, role and authorityId or organisationId.";
        }
        return "Log in first: this service answers authenticated users only.";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are logged in, but not allowed to do this.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                       String title, String detail) throws IOException {
        ProblemDetail problem = Problems.problem(status, code, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        problems.write(request, response, problem);
    }
}
