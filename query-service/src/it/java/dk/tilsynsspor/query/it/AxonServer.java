package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Axon Server the end-to-end suite runs against when given one: {@code -Dit.axonserver.jar=…} starts that jar on
 * loopback with a fresh data folder (under {@code target/}) and stops it after the run; {@code
 * -Dit.axonserver.address=host:grpcPort} (with {@code -Dit.axonserver.http=http://host:port}) uses a running one.
 * Neither: the suite runs on PostgreSQL's event store, as CI does.
 */
public final class AxonServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String grpcAddress;
    private final String httpUrl;
    private final Process process;
    /** Stops the server when this JVM exits before {@link #close()}: a failed or interrupted run leaves nothing up. */
    private final Thread stopOnExit;

    private AxonServer(String grpcAddress, String httpUrl, Process process) {
        this.grpcAddress = grpcAddress;
        this.httpUrl = httpUrl;
        this.process = process;
        this.stopOnExit = process == null ? null : ExitHooks.add("axonserver-stop-on-exit",
                ServiceProcess.stopping(process));
    }

    /** Whether the run was given an Axon Server. */
    static boolean given() {
        return !System.getProperty("it.axonserver.address", "").isBlank()
                || !System.getProperty("it.axonserver.jar", "").isBlank();
    }

    /** The Axon Server the system properties name, started if it is a jar; null if none. */
    static AxonServer fromSystemProperties() {
        String address = System.getProperty("it.axonserver.address", "");
        if (!address.isBlank()) {
            String http = System.getProperty("it.axonserver.http",
                    "http://" + address.substring(0, address.lastIndexOf(':')) + ":8024");
            return new AxonServer(address, http, null);
        }
        String jar = System.getProperty("it.axonserver.jar", "");
        return jar.isBlank() ? null : start(Path.of(jar).toAbsolutePath());
    }

    /** That Axon Server jar started on loopback with a fresh data folder (under {@code target/}). */
    public static AxonServer start(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("it.axonserver.jar names no file: " + jar);
        }
        int httpPort = ServiceProcess.freePort();
        int grpcPort = ServiceProcess.freePort();
        try {
            Path home = Files.createDirectories(Path.of("target", "axonserver-" + Instant.now().toEpochMilli())
                    .toAbsolutePath());
            Files.writeString(home.resolve("axonserver.properties"), String.join("\n",
                    "server.port=" + httpPort,
                    "axoniq.axonserver.port=" + grpcPort,
                    "axoniq.axonserver.hostname=localhost",
                    "axoniq.axonserver.standalone=true",
                    "axoniq.axonserver.devmode.enabled=true",
                    "axoniq.axonserver.event.storage=" + home.resolve("events"),
                    "axoniq.axonserver.snapshot.storage=" + home.resolve("events"),
                    "axoniq.axonserver.controldb-path=" + home.resolve("data"),
                    "axoniq.axonserver.pid-file-location=" + home.resolve("data"),
                    "logging.file.name=" + home.resolve("axonserver.log"), ""));
            Files.createDirectories(Path.of("target", "it-logs"));
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", jar.toString())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "it-logs", "axonserver.log")
                            .toFile()))
                    .start();
            AxonServer server = new AxonServer("localhost:" + grpcPort, "http://localhost:" + httpPort, process);
            server.awaitUp(grpcPort);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp(int grpcPort) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Axon Server exited with " + process.exitValue()
                        + "; see target/it-logs/axonserver.log");
            }
            try (Socket ignored = new Socket("localhost", grpcPort)) {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(httpUrl
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("Axon Server did not start within " + STARTUP);
    }

    /** Its process id if this run started it, else -1. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** host:port of its gRPC port, as {@code AXONSERVER_SERVERS} takes it. */
    public String grpcAddress() {
        return grpcAddress;
    }

    /** One stored event of an aggregate, as Axon Server keeps it. */
    record StoredEvent(String identifier, long sequence, String payloadType, JsonNode payload, JsonNode metaData) {
    }

    /** The aggregate's events in Axon Server, in sequence (through its REST API, as an operator would read them). */
    List<StoredEvent> events(String aggregateId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(httpUrl + "/v1/events?allowSnapshots=false&timeout=30"
                + "&aggregateId=" + URLEncoder.encode(aggregateId, StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            List<StoredEvent> events = new ArrayList<>();
            response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                try {
                    // Axon Server's JsonEvent: the payload is {type, revision, data}, data the stored bytes as text
                    JsonNode event = JSON.readTree(line.substring("data:".length()));
                    String payload = event.path("payload").path("data").asText("");
                    events.add(new StoredEvent(event.path("messageIdentifier").asText(),
                            event.path("aggregateSequenceNumber").asLong(),
                            event.path("payload").path("type").asText(),
                            payload.isEmpty() ? JSON.nullNode() : JSON.readTree(payload), event.path("metaData")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            ServiceProcess.stopping(process).run();
            ExitHooks.remove(stopOnExit);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
