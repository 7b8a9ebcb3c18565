package dk.tilsynsspor.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The outermost filter. No request body is read past {@code tilsynsspor.max-request-body} (default 1 MB), nor a
 * multipart upload past {@code tilsynsspor.max-upload-body} (default 26 MB: a 25 MB document and its fields): a larger
 * declared length is answered 413 before anything is read, and a body that grows past it while read (chunked, or a
 * lying length) fails the read, which is answered 413 too; running first, not even the idempotency check buffers
 * more. A filter's failure because the database is away is answered 503 as a problem, like the controllers' are.
 */
public class RequestGuard extends OncePerRequestFilter {

    private final long bodies;
    private final long uploads;
    private final ProblemResponses problems;

    public RequestGuard(DataSize limit, DataSize uploads, ProblemResponses problems) {
        this.bodies = limit.toBytes();
        this.uploads = uploads.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        long limit = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("multipart/form-data") ? uploads : bodies;
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, limit);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            if (BodyTooLargeException.isCause(failure)) {
                response.resetBuffer();
                tooLarge(request, response, limit);
            } else if (DatabaseUnavailable.isCause(failure)) {
                response.resetBuffer();
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                problems.write(request, response, DatabaseUnavailable.problem());
            } else {
                throw failure;
            }
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body may be at most " + limit + " bytes.");
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        Counting(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
