package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The requests the documents give a new user, sent as they are written, so that a change of the API that would break
 * them fails here instead of in a reader's hands. README's {@code requests.http} (the worked example end to end, for
 * a reader's HTTP client) is run as its reader runs it: every request in order, each answer's ids saved by its
 * handler for the requests after it; only the two services' addresses are this stack's, and each {@code
 * Authorization: Basic user password} line logs that user in as the stack does (the test's demo password, or a bearer
 * token on a PostgreSQL server). Every request must be answered with success, and the file's last steps must show
 * what they say they show: the document's copy matches the trail and the order's hash chain is intact. README's own
 * curl commands (*Trying it*) likewise.
 */
@ExtendWith(EndToEnd.class)
class DocumentedRequestsIT {

    private static final Path FILE = Path.of("..", "requests.http");
    private static final Path README = Path.of("..", "README.md");
    /** A value the README's commands leave to their reader, such as {@code <id>}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z]+>");
    private static final Pattern BASIC_LOGIN = Pattern.compile("^Basic (\\S+) (\\S+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRequestOfRequestsHttpSucceedsInOrderAndItsLastStepsShowWhatTheySay(EndToEnd.Stack stack)
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

    /**
     * README's *Trying it*: its curl commands in order, split as a shell splits them (quotes, continued lines,
     * comments), the order's {@code <id>} taken from the first answer and its {@code <imposedAt>} from the list. Each
     * must answer as the block says: the order 201 with its ids, the reads 200 (one asking for its writes at once);
     * the reason sent as curl sends it (UTF-8) reaches the trail.
     */
    @Test
    void theCurlCommandsOfTheReadmesTryingItAnswerAsTheySay(EndToEnd.Stack stack) throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("\n## Trying it\n");
        assertThat(section).as("README has its section Trying it").isPositive();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        List<List<String>> commands = shellCommands(readme.substring(start, readme.indexOf("```", start)));
        assertThat(commands).as("the section's curl commands").hasSizeGreaterThanOrEqualTo(4);
        Map<String, String> found = new HashMap<>(); // what the answers gave, by the placeholder the block names it
        for (List<String> command : commands) {
            assertThat(command.get(0)).isEqualTo("curl");
            String user = null;
            String url = null;
            String body = null;
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < command.size(); i++) {
                String word = command.get(i);
                switch (word) {
                    case "-u" -> user = command.get(++i).split(":")[0];
                    case "-H" -> headers.add(HttpFile.header(command.get(++i)));
                    case "-d" -> body = command.get(++i);
                    default -> {
                        assertThat(word).as("a curl option this test reads, or the address").startsWith("http://");
                        url = word;
                    }
                }
            }
            assertThat(url).as("%s", command).isNotNull();
            Matcher placeholder = PLACEHOLDER.matcher(url);
            while (placeholder.find()) {
                assertThat(found).as("%s from an answer before %s", placeholder.group(), url)
                        .containsKey(placeholder.group());
                url = url.replace(placeholder.group(), found.get(placeholder.group()));
            }
            url = url.replace("http://localhost:8081", stack.commandService.baseUrl())
                    .replace("http://localhost:8082", stack.queryService.baseUrl());
            if (user != null) {
                headers.add(new String[]{"Authorization", stack.commands.authorization(user)});
            }
            URI address = URI.create(url);
            JsonNode answered;
            if (body != null) {
                Api.Exchange answer = Api.exchange(address, "POST", headers, body.getBytes(StandardCharsets.UTF_8));
                assertThat(answer.status()).as("%s answered: %s", command, answer.text()).isEqualTo(201);
                answered = JSON.readTree(answer.body());
                assertThat(answered.get("requirementIds")).as("the order's answer: %s", answered).hasSize(1);
                found.put("<id>", answered.get("id").asText());
            } else if (headers.stream().anyMatch(header -> header[0].equalsIgnoreCase("Prefer")
                    && header[1].contains("read-your-writes"))) {
                // a read asking for its writes (README says it waits for them): answered at once, with the order
                Api.Exchange answer = Api.exchange(address, "GET", headers, new byte[0]);
                assertThat(answer.status()).as("%s answered: %s", command, answer.text()).isEqualTo(200);
                assertThat(answer.headers()).containsEntry("preference-applied", "read-your-writes");
                assertThat(answer.text()).as("%s shows the order at once", command).contains(found.get("<id>"));
                answered = JSON.readTree(answer.body());
            } else {
                // the other reads are of read models projected some milliseconds after the order's answer (README
                // says so): a reader's next command comes seconds later, so a read is asked again until it shows
                Api.Exchange[] answer = new Api.Exchange[1];
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    answer[0] = Api.exchange(address, "GET", headers, new byte[0]);
                    assertThat(answer[0].status()).as("%s answered: %s", command, answer[0].text()).isEqualTo(200);
                    assertThat(answer[0].text()).as("%s shows the order", command).contains(found.get("<id>"));
                });
                answered = JSON.readTree(answer[0].body());
            }
            for (JsonNode order : answered.path("orders")) {
                if (order.get("orderId").asText().equals(found.get("<id>"))) {
                    found.put("<imposedAt>", order.get("imposedAt").asText());
                }
            }
        }
        assertThat(stack.queries.get("inspector", "/api/orders/" + found.get("<id>") + "/audit-trail").body()
                .toString()).as("the order's reason as curl sends it").contains("tilsynsbesøg 2026-10-12");
    }

    /**
     * The commands of a shell script as a POSIX shell splits them into words: single quotes taken as they are (over
     * lines too), a backslash at a line's end continuing the command, {@code #} at a line's start a comment. Anything
     * that would need more of a shell (double quotes, {@code $}, backticks, other backslashes) is refused.
     */
    static List<List<String>> shellCommands(String script) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null; // null: between words
        boolean lineStart = true;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\\' && i + 1 < script.length() && script.charAt(i + 1) == '\n') {
                i++;
            } else if (c == '#' && word == null && lineStart) {
                while (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            } else if (c == '\'') {
                int end = script.indexOf('\'', i + 1);
                word = word == null ? new StringBuilder() : word;
                word.append(script, i + 1, end);
                i = end;
                lineStart = false;
                continue;
            } else if ("\"$`\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException("more of a shell than this test reads at: "
                        + script.substring(i, Math.min(script.length(), i + 40)));
            } else if (!Character.isWhitespace(c)) {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
                lineStart = false;
                continue;
            }
            if (word != null) { // whitespace or a continued line ends a word
                words.add(word.toString());
                word = null;
            }
            if (c == '\n') {
                lineStart = true;
                if (!words.isEmpty()) {
                    commands.add(words);
                    words = new ArrayList<>();
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(words);
        }
        return commands;
    }
}
