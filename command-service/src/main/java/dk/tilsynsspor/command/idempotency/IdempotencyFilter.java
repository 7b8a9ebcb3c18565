package dk.tilsynsspor.command.idempotency;

import dk.tilsynsspor.command.idempotency.IdempotentRequests.Claim;
import dk.tilsynsspor.command.idempotency.IdempotentRequests.Claimed;
import dk.tilsynsspor.command.idempotency.IdempotentRequests.Mismatch;
import dk.tilsynsspor.command.idempotency.IdempotentRequests.Replay;
import dk.tilsynsspor.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Honours {@code Idempotency-Key} on commands: the same key and body again returns the first (successful) answer and
 * applies nothing; the same key with another body is refused (422). A failed request releases its key, so it may be
 * sent again. Keys are per actor. The key also goes with the request ({@link RequestKey}): its ids are drawn from it and
 * its command carries it, so that the aggregate recognises a repeat whose first answer was never stored here, e.g.
 * because the instance that applied it died before answering (ADR 18).
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotentRequests requests;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotentRequests requests, ProblemResponses problems) {
        this.requests = requests;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean command = "POST".equals(request.getMethod()) || "DELETE".equals(request.getMethod());
        return !command || request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || authentication == null) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "Header " + HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters.");
            return;
        }
        HttpServletRequest forwarded;
        String hash;
        if (isMultipart(request)) {
            // an upload: its boundary differs between a request and its retry, so the parts are compared, not the
            // body (the container keeps the parsed parts for the controller)
            forwarded = request;
            hash = partsFingerprint(request);
        } else {
            CachedBodyRequest cached = new CachedBodyRequest(request);
            forwarded = cached;
            hash = DigestUtils.md5DigestAsHex((request.getMethod() + " " + request.getRequestURI() + "\n"
                    + new String(cached.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }
        String actor = authentication.getName();
        Claim claim = requests.claim(actor, key, hash);
        if (claim instanceof Replay replay) {
            response.setStatus(replay.status());
            response.setHeader(REPLAYED, "true");
            if (replay.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, replay.location());
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(replay.body().getBytes(StandardCharsets.UTF_8));
        } else if (claim instanceof Mismatch) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency key reused",
                    "This " + HEADER + " was used before for a different request; use a new key.");
        } else if (claim instanceof Claimed) {
            forwarded.setAttribute(RequestKey.ATTRIBUTE, new RequestKey(actor, key, hash));
            runOnce(forwarded, response, chain, actor, key, hash);
        }
    }

    private void runOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String actor,
                         String key, String hash) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, recorded);
            if (HttpStatus.valueOf(recorded.getStatus()).is2xxSuccessful()) {
                requests.complete(actor, key, hash, recorded.getStatus(), recorded.getHeader(HttpHeaders.LOCATION),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
                completed = true;
            }
        } finally {
            if (!completed) {
                requests.release(actor, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The request as its parts say: method, path, and each part's name, file name and content's digest. */
    private static String partsFingerprint(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = md5();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        List<Part> parts = new ArrayList<>(request.getParts());
        parts.sort(Comparator.comparing(Part::getName));
        for (Part part : parts) {
            digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            try (InputStream content = part.getInputStream()) {
                digest.update(DigestUtils.md5Digest(content));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is on every Java platform", e);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                         String title, String detail) throws IOException {
        problems.write(request, response, status, code, title, detail);
    }
}
