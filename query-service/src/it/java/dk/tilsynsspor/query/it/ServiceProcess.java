package dk.tilsynsspor.query.it;

import com.sun.tools.attach.VirtualMachine;

import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service, run from its packaged jar as a process of its own, the way it runs in production. */
public final class ServiceProcess {

    /** The packaged jars, as seen from query-service's folder (where the tests and the benchmark run). */
    public static final Path COMMAND_SERVICE_JAR = Path.of("..", "command-service", "target", "command-service.jar");
    public static final Path QUERY_SERVICE_JAR = Path.of("target", "query-service.jar");

    private static final Duration STARTUP = Duration.ofSeconds(150);

    private final String name;
    private final Path jar;
    private final Path libraries;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    /** Stops the process when this JVM exits while it still runs: a failed or interrupted run leaves nothing up. */
    private Thread stopOnExit;
    private int starts;

    public ServiceProcess(String name, Path jar, Map<String, String> environment) {
        this(name, jar, environment, null);
    }

    /**
     * With {@code libraries} (a folder of jars, or null), the jar runs with those jars on its class path too, through
     * Spring Boot's {@code PropertiesLauncher} and its {@code loader.path}.
     */
    public ServiceProcess(String name, Path jar, Map<String, String> environment, Path libraries) {
        this.name = name;
        this.jar = jar.toAbsolutePath().normalize();
        this.environment = environment;
        this.libraries = libraries == null ? null : libraries.toAbsolutePath().normalize();
        if (this.libraries != null && !Files.isDirectory(this.libraries)) {
            throw new IllegalStateException(this.libraries + " is missing");
        }
        this.port = freePort();
        this.log = Path.of("target", "it-logs").toAbsolutePath();
        if (!Files.isRegularFile(this.jar)) {
            throw new IllegalStateException(this.jar + " is missing: build with ./mvnw verify from the top");
        }
    }

    /** The operating system's id of the running process. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /**
     * Calls an operation of one of the service's actuator endpoints over JMX, as an operator on the host would: by
     * attaching to the process (its local management agent started on demand; no JMX port is opened).
     *
     * @return the operation's answer
     */
    public Object invokeEndpoint(String endpoint, String operation) {
        try {
            VirtualMachine machine = VirtualMachine.attach(String.valueOf(pid()));
            String address;
            try {
                address = machine.startLocalManagementAgent();
            } finally {
                machine.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                ObjectName name = new ObjectName("org.springframework.boot:type=Endpoint,name="
                        + Character.toUpperCase(endpoint.charAt(0)) + endpoint.substring(1));
                return connector.getMBeanServerConnection().invoke(name, operation, new Object[0], new String[0]);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot call " + endpoint + "." + operation + " of " + this.name, e);
        }
    }

    /** What the service has written to its console, in every start of this test run (appended). */
    public Path logFile() {
        return log.resolve(name + ".log");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the jar; {@code arguments} are Spring properties such as {@code --name=value}. */
    public void start(String... arguments) {
        try {
            Files.createDirectories(log);
            // the heap fixed at its size, as docker/ runs the services: a heap the JVM may shrink after the start
            // (to about 100 MB) is collected every half second under the first commands (ADR 21, a fixed heap)
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xms512m", "-Xmx512m"));
            // the benchmark's bench.service-jvm-options: JVM options of both services, to compare settings in one run
            String options = System.getProperty("service.jvm-options", "").strip();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            if (libraries == null && FastStart.ON) {
                command.addAll(FastStart.prepare(jar, List.copyOf(command), environment, List.of(arguments),
                        log.resolve(name + "-training.log")).options());
            } else if (libraries == null) {
                command.addAll(List.of("-jar", jar.toString()));
            } else {
                command.addAll(List.of("-Dloader.path=" + libraries, "-cp", jar.toString(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher"));
            }
            command.add("--server.port=" + port);
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolve(name + ".log").toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            stopOnExit = ExitHooks.add(name + "-stop-on-exit", stopping(process));
            starts++;
            try {
                awaitHealthy();
            } catch (RuntimeException notHealthy) {
                stop(); // a service that did not come up is not left running beside the failure
                throw notHealthy;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a crash or an out-of-memory killer ends it: nothing of it runs on, and wait until it is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ended();
    }

    /** SIGTERM, as an operator or an orchestrator stops it, and wait until it is gone. */
    public void stop() {
        if (process == null) {
            return;
        }
        stopping(process).run();
        ended();
    }

    /** SIGTERM, and SIGKILL if the process has not ended within a minute. */
    static Runnable stopping(Process process) {
        return () -> {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private void ended() {
        process = null;
        ExitHooks.remove(stopOnExit);
        stopOnExit = null;
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                // readiness, not health: health is DOWN while events are set aside, and the service still serves
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException(name + " not healthy after " + STARTUP + " (start " + starts + "); see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
