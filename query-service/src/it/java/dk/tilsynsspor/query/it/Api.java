package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
        return send(request(user, path).GET());
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
     * A POST written byte by byte, with one header's value sent as its UTF-8 bytes, as curl and browsers send
     * non-ASCII header values (Java's HTTP client cannot). Answers the status code.
     */
    public int postWithUtf8Header(String user, String path, String json, String header, String value) {
        URI uri = URI.create(baseUrl + path);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nAuthorization: " + authorization(user) + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n" + header + ": ")
                    .getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            socket.getOutputStream().write(request.toByteArray());
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
