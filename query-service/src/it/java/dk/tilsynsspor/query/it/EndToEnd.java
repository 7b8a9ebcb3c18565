package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Both services as separate processes on one fresh database, started once per test run and shared by every
 * end-to-end test class ({@code @ExtendWith(EndToEnd.class)}, then take an {@link EndToEnd.Stack} parameter).
 */
public class EndToEnd implements BeforeAllCallback, ParameterResolver {

    static final String PASSWORD = "it-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the services send e-mail: nothing listens there unless a test starts an SMTP server on it. */
    static final int MAIL_PORT = ServiceProcess.freePort();

    /** The running system: its database, its two services and clients for them. */
    public static final class Stack implements ExtensionContext.Store.CloseableResource {

        public final TestDatabase database = TestDatabase.create();
        /** The Axon Server the run was given ({@link AxonServer}), or null: events in PostgreSQL. */
        public final AxonServer axonServer = AxonServer.fromSystemProperties();
        public final ServiceProcess commandService;
        public final ServiceProcess queryService;
        public final Api commands;
        public final Api queries;

        /** Bearer tokens on a PostgreSQL server (production identity), else the demo users over HTTP Basic. */
        public final Tokens tokens = database.onServer() ? new Tokens() : null;
        private final Map<String, String> environment;

        Stack() {
            environment = new HashMap<>(Map.of(
                    "SPRING_DATASOURCE_URL", database.url(),
                    "SPRING_DATASOURCE_USERNAME", database.user(),
                    "SPRING_DATASOURCE_PASSWORD", database.password(),
                    // the reminders' sweep runs every second, so that the tests see them at once
                    "TILSYNSSPOR_REMINDERS_INTERVAL", "PT1S",
                    "TILSYNSSPOR_REMINDERS_INITIAL_DELAY", "PT1S"));
            // e-mail goes to an SMTP server a test may start on this port (NotificationsIT); retried every second
            environment.putAll(Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", String.valueOf(MAIL_PORT),
                    "TILSYNSSPOR_MAIL_INTERVAL", "PT1S", "TILSYNSSPOR_MAIL_INITIAL_DELAY", "PT1S",
                    "TILSYNSSPOR_MAIL_FIRST_RETRY", "PT1S"));
            if (axonServer != null) {
                environment.put("SPRING_PROFILES_ACTIVE", "axonserver");
                environment.put("AXONSERVER_SERVERS", axonServer.grpcAddress());
            }
            if (tokens != null) {
                environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                        "file:" + tokens.publicKey().toAbsolutePath());
            } else {
                environment.put("TILSYNSSPOR_DEMO_USERS_ENABLED", "true");
                environment.put("TILSYNSSPOR_DEMO_PASSWORD", PASSWORD);
            }
            commandService = new ServiceProcess("command-service", ServiceProcess.COMMAND_SERVICE_JAR, environment);
            environment.put("COMMAND_SERVICE_URL", commandService.baseUrl()); // the pages' forms
            queryService = new ServiceProcess("query-service", ServiceProcess.QUERY_SERVICE_JAR, environment);
            commands = new Api(commandService.baseUrl(), tokens);
            queries = new Api(queryService.baseUrl(), tokens);
            start();
        }

        /** One more command-service instance on the same database, as a scaled-out deployment runs it; not started. */
        public ServiceProcess anotherCommandService() {
            return new ServiceProcess("command-service-2", ServiceProcess.COMMAND_SERVICE_JAR, environment);
        }

        /** One more query-service instance, as a scaled-out deployment runs it (Axon Server routes queries); not started. */
        public ServiceProcess anotherQueryService() {
            return new ServiceProcess("query-service-2", ServiceProcess.QUERY_SERVICE_JAR, environment);
        }

        public void start() {
            commandService.start();
            queryService.start();
        }

        public boolean onAxonServer() {
            return axonServer != null;
        }

        /** The stored payloads of an aggregate's events of one type (simple name), in order, from either store. */
        public List<JsonNode> payloads(String aggregateId, String eventType) {
            if (axonServer != null) {
                return axonServer.events(aggregateId).stream()
                        .filter(event -> event.payloadType().endsWith("." + eventType))
                        .map(AxonServer.StoredEvent::payload).toList();
            }
            List<JsonNode> payloads = new ArrayList<>();
            try (Connection connection = database.connect();
                 PreparedStatement statement = connection.prepareStatement("""
                         SELECT convert_from(payload, 'UTF8') FROM events.domain_event_entry
                          WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber""")) {
                statement.setString(1, aggregateId);
                statement.setString(2, "%." + eventType);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        payloads.add(JSON.readTree(rows.getString(1)));
                    }
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(e);
            }
            return payloads;
        }

        /** The payload types (simple names) of an aggregate's stored events, in order, from whichever store holds them. */
        public List<String> eventTypes(String aggregateId) {
            if (axonServer != null) {
                return axonServer.events(aggregateId).stream().map(AxonServer.StoredEvent::payloadType)
                        .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
            }
            try {
                return CommandSideIT.eventTypesInPostgres(this, aggregateId);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        public void stop() {
            queryService.stop();
            commandService.stop();
        }

        @Override
        public void close() throws Exception {
            stop();
            database.close();
            if (axonServer != null) {
                axonServer.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static Stack stack(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Stack.class, type -> new Stack(), Stack.class);
    }
}
