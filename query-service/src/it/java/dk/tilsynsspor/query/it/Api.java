package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** A small HTTP client for the tests: JSON in, status + headers + JSON out, HTTP Basic as a demo user. */
public final class Api {

    public record Response(int status, HttpResponse<String> raw, JsonNode body) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** An answer as {@link #exchange} read it: its status, its headers (names in lower case) and its body. */
    public record Exchange(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A service that stops answering fails the test or the benchmark instead of holding it up for ever. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Tokens tokens;
    private final LongConsumer latencies;

    /** With {@code tokens}, users authenticate with bearer tokens; without, as demo users over HTTP Basic. */
    public Api(String baseUrl, Tokens tokens) {
        this(baseUrl, tokens, nanos -> { });
    }

    /** As above, telling {@code latencies} how many nanoseconds each request took until its answer was read. */
    public Api(String baseUrl, Tokens tokens, LongConsumer latencies) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.latencies = latencies;
    }

    /** Any method, any user (or nobody), the answer as it came. */
    public HttpResponse<String> raw(String user, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = request(user, path);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with exactly this Authorization header (or none). */
    public Response getAuthorized(String authorization, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    public Response get(String user, String path) {
        return get(user, path, Map.of());
    }

    public Response get(String user, String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(user, path).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET whose answer is a file, not JSON. */
    public HttpResponse<byte[]> download(String user, String path) {
        try {
            return client.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String user, String path, Object body) {
        return post(user, path, body, Map.of());
    }

    public Response post(String user, String path, Object body, Map<String, String> headers) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON POST of exactly these bytes, as a client that encodes its own text would send it. */
    public Response postBytes(String user, String path, byte[] body) {
        return send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart/form-data POST, as a browser's upload form sends it: text fields and one file in part 'file'. */
    public Response upload(String user, String path, Map<String, String> fields, String fileName, byte[] content,
                           Map<String, String> headers) {
        List<Part> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(Part.text(name, value)));
        if (content != null) {
            parts.add(new Part("file", fileName, content));
        }
        return upload(user, path, parts, headers);
    }

    /** A multipart/form-data POST of these parts in this order (a name may come more than once). */
    public Response upload(String user, String path, List<Part> parts, Map<String, String> headers) {
        String boundary = "----tilsynsspor" + java.util.UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "\r\n\r\n" : "; filename=\"" + part.fileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")).getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return send(request);
    }

    /** One part of a multipart body: a text field (no file name) or a file. */
    public record Part(String name, String fileName, byte[] content) {
        public static Part text(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    public Response put(String user, String path, Object body) {
        try {
            return send(request(user, path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Authorization header's value for {@code user}: a bearer token, or the demo user's Basic login. */
    public String authorization(String user) {
        if (tokens != null) {
            return "Bearer " + tokens.of(user);
        }
        String credentials = user + ":" + EndToEnd.PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A POST with one header's value sent as its UTF-8 bytes, as curl and browsers send non-ASCII header values (Java's
     * HTTP client cannot). Answers the status code.
     */
    public int postWithUtf8Header(String user, String path, String json, String header, String value) {
        return exchange(URI.create(baseUrl + path), "POST", List.of(new String[]{"Authorization", authorization(user)},
                new String[]{"Content-Type", "application/json"}, new String[]{header, value}),
                json.getBytes(StandardCharsets.UTF_8)).status();
    }

    /**
     * One request over HTTP/1.1, its whole answer read. Written on a socket because the header values go as their
     * UTF-8 bytes, as curl, browsers and the HTTP clients of {@code requests.http}'s readers send them (Java's HTTP
     * client sends them as ASCII: {@code X-Reason: Tilsynsbesøg} would arrive as {@code Tilsynsbes?g}).
     */
    public static Exchange exchange(URI uri, String method, List<String[]> headers, byte[] body) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\nHost: "
                    + uri.getHost() + ":" + uri.getPort() + "\r\nConnection: close\r\nContent-Length: " + body.length
                    + "\r\n");
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            request.writeBytes(body);
            socket.getOutputStream().write(request.toByteArray());
            byte[] answer = socket.getInputStream().readAllBytes();
            int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String[] lines = new String(answer, 0, end, StandardCharsets.UTF_8).split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                answerHeaders.put(lines[i].substring(0, colon).trim().toLowerCase(),
                        lines[i].substring(colon + 1).trim());
            }
            byte[] rest = Arrays.copyOfRange(answer, end + 4, answer.length);
            boolean chunked = answerHeaders.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked");
            return new Exchange(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders,
                    chunked ? unchunk(rest) : rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chunked body's content. */
    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, crlf, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] wanted, int from) {
        for (int i = from; i <= bytes.length - wanted.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new IllegalStateException("an answer cut short: no " + new String(wanted, StandardCharsets.US_ASCII)
                .replace("\r\n", "CRLF") + " after byte " + from);
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (user != null) {
            builder.header("Authorization", authorization(user));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.accept(System.nanoTime() - started);
            String body = response.body();
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Response(response.statusCode(), response, body == null || body.isBlank() || !json
                    ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
