package dk.tilsynsspor.query.web;

import dk.tilsynsspor.query.replay.ReadYourWrites;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * An API client that reads right after it writes asks for what it wrote with {@code Prefer: read-your-writes}
 * (RFC 7240): the read waits until every read model holds everything the event store held when the read arrived,
 * which includes the events of every command answered before it, then answers with
 * {@code Preference-Applied: read-your-writes}. A read model that does not get there within the wait's patience
 * (a rebuild, a projection stopped) is answered {@code 503 read-model-behind} with {@code Retry-After}, never with
 * an answer that may lack the client's writes. Without the preference a read answers at once, from the read models
 * as they are (some tens of milliseconds behind a command's answer). At most {@value #WAITING_AT_MOST} reads wait
 * at once in an instance (each holds a request thread and polls the token table); one more is answered
 * {@code 503 too-many-waiting-reads} with {@code Retry-After} at once.
 */
@Component
public class ReadYourWritesPreference implements HandlerInterceptor {

    /** The preference's token, as the client sends it in {@code Prefer} and the answer names it. */
    public static final String PREFERENCE = "read-your-writes";
    static final String PREFERENCE_APPLIED = "Preference-Applied";
    static final String PREFER = "Prefer";
    /** The most reads of one instance that wait for their writes at once. */
    static final int WAITING_AT_MOST = 32;

    private final ReadYourWrites readYourWrites;
    private final Semaphore waiting = new Semaphore(WAITING_AT_MOST);

    ReadYourWritesPreference(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
            return true;
        }
        response.addHeader(HttpHeaders.VARY, PREFER);
        if (!asked(request)) {
            return true;
        }
        if (!waiting.tryAcquire()) {
            throw new ReadModelBehindException(true);
        }
        try {
            if (!readYourWrites.awaitEveryReadModel()) {
                throw new ReadModelBehindException(false);
            }
        } finally {
            waiting.release();
        }
        response.setHeader(PREFERENCE_APPLIED, PREFERENCE);
        return true;
    }

    /** Whether one of the request's preferences is this one: tokens compared without case, parameters ignored. */
    static boolean asked(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders(PREFER))) {
            for (String preference : header.split(",")) {
                String token = preference.split("[;=]", 2)[0].trim();
                if (token.toLowerCase(Locale.ROOT).equals(PREFERENCE)) {
                    return true;
                }
            }
        }
        return false;
    }
}
