package dk.tilsynsspor.platform.web;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error answers (a request it refuses before any application code runs, such as a header over the
 * size limit) as problem details instead of Tomcat's HTML page, and without its version or a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Makes this valve the host's error report valve, in place of Tomcat's. */
    static void install(Host host) {
        ((StandardHost) host).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        host.getPipeline().addValve(new ProblemErrorReportValve());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = status == 404 ? "not-found" : status < 500 ? "invalid-request" : "error";
        String detail = status == 400
                ? "The request could not be read: its request line or headers are malformed or too large."
                : title + ".";
        String json = "{\"type\":\"" + Problems.TYPE_PREFIX + code + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response is already on its way: nothing more to tell
        }
    }
}
