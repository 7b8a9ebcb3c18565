package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's {@code requests.http} (the worked example end to end, for a reader's HTTP client) run as its reader runs
 * it: every request in order, each answer's ids saved by its handler for the requests after it. Only the two
 * services' addresses are this stack's, and each {@code Authorization: Basic user password} line logs that user in as
 * the stack does (the test's demo password, or a bearer token on a PostgreSQL server). Every request must be
 * answered with success, and the file's last steps must show what they say they show: the document's copy matches
 * the trail and the order's hash chain is intact. A request the API no longer takes, or a handler reading a field an
 * answer no longer has, fails here instead of in a reader's hands.
 */
@ExtendWith(EndToEnd.class)
class RequestsFileIT {

    private static final Path FILE = Path.of("..", "requests.http");
    private static final Pattern BASIC_LOGIN = Pattern.compile("^Basic (\\S+) (\\S+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRequestOfTheWorkedExampleSucceedsInOrderAndItsLastStepsShowWhatTheySay(EndToEnd.Stack stack)
            throws IOException {
        HttpFile file = HttpFile.read(FILE);
        assertThat(file.variables()).containsKeys("command", "query");
        long requestLines = Files.readAllLines(FILE).stream()
                .filter(line -> line.matches("^(GET|POST|PUT|PATCH|DELETE) .*")).count();
        assertThat(file.requests()).as("a request for each request line").hasSize((int) requestLines)
                .hasSizeGreaterThan(40);
        Map<String, String> saved = new HashMap<>(Map.of("command", stack.commandService.baseUrl(),
                "query", stack.queryService.baseUrl()));
        long timestamp = Instant.now().getEpochSecond();
        Map<String, JsonNode> answers = new HashMap<>(); // the last by its method and target as written
        for (HttpFile.Request request : file.requests()) {
            List<String[]> headers = new ArrayList<>();
            for (String[] header : request.headers()) {
                Matcher login = BASIC_LOGIN.matcher(header[1]);
                boolean basicLogin = header[0].equalsIgnoreCase("Authorization") && login.matches();
                headers.add(new String[]{header[0], basicLogin ? stack.commands.authorization(login.group(1))
                        : file.resolve(header[1], saved, timestamp)});
            }
            Api.Exchange answer = Api.exchange(URI.create(file.resolve(request.target(), saved, timestamp)),
                    request.method(), headers, file.body(request, saved, timestamp));
            assertThat(answer.status()).as("'%s' (%s %s) answered: %s", request.title(), request.method(),
                    request.target(), answer.text()).isBetween(200, 299);
            JsonNode body = answer.headers().getOrDefault("content-type", "").contains("json")
                    ? JSON.readTree(answer.body()) : JSON.nullNode();
            HttpFile.handle(request, body, saved);
            answers.put(request.method() + " " + request.target(), body);
        }

        JsonNode check = answers.get("POST {{query}}/api/documents/{{backgroundDescription}}/check");
        assertThat(check.get("matches").asBoolean()).as("the copy in hand matches the trail: %s", check).isTrue();
        JsonNode verification = answers.get("GET {{query}}/api/orders/{{orderId}}/audit-trail/verification");
        assertThat(verification.get("intact").asBoolean()).as("the order's chain: %s", verification).isTrue();
        assertThat(verification.get("orderId").asText()).isEqualTo(saved.get("orderId"));
        assertThat(verification.get("documents")).as("the document's kept file checked").hasSize(1);
        assertThat(stack.queries.get("inspector", "/api/orders/" + saved.get("orderId") + "/audit-trail").body()
                .toString()).as("the notice's reason, sent as UTF-8 as the readers' clients send it")
                .contains("Tilsynsbesøg 12. oktober 2026");
    }
}
