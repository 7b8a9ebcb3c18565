package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile and careless input, a table of payloads against every route with a body: each is answered as a problem
 * with a 4xx status naming what is wrong, nothing is recorded, and every read model still reads afterwards.
 */
@ExtendWith(EndToEnd.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final String NUL = "before\u0000after";
    private static final String BIDI = "faktura\u202Etxt.exe";
    private static final String LONE_SURROGATE = "broken \uD800 pair";

    private WorkedExample example;

    /** A route, who may use it, and a body it accepts; each hostile case spoils one field of it. */
    private record Route(String user, String path, String validBody) {
    }

    @BeforeAll
    void anOrderWithACaseToAttack(EndToEnd.Stack stack) {
        example = WorkedExample.verified(stack.commands, "HOSTILE-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private List<Route> routes() {
        String requirement = example.methodRequirement;
        String order = "{\"authorityId\":\"socialtilsyn-hovedstaden\",\"organisationId\":\"kk-handicap\","
                + "\"reference\":\"R-1\",\"legalBasis\":\"§ 8\",\"issuedOn\":\"2026-11-01\",\"summary\":\"s\","
                + "\"noticeWaivedReason\":\"akut\","
                + "\"requirements\":[{\"title\":\"t\",\"qualityTheme\":\"OTHER\",\"requiredChange\":\"c\","
                + "\"deadline\":\"2027-02-01\"}]}";
        return List.of(
                new Route("inspector", "/api/orders", order),
                new Route("leader", example.requirement(requirement, "/action-plans"),
                        "{\"plannedChanges\":\"p\",\"responsibleLeader\":\"leader\",\"milestones\":"
                                + "[{\"description\":\"d\",\"dueOn\":\"2027-01-01\"}]}"),
                new Route("leader", example.requirement(requirement, "/measurements"),
                        "{\"value\":3,\"measuredOn\":\"2026-11-20\",\"source\":\"s\"}"),
                new Route("leader", example.order("/compliance-report"), "{\"summary\":\"s\"}"),
                new Route("inspector", example.requirement(requirement, "/deadline"),
                        "{\"newDeadline\":\"2027-06-01\",\"reason\":\"r\"}"),
                new Route("leader", "/api/cases", "{\"organisationId\":\"kk-handicap\",\"citizenRef\":\"c\","
                        + "\"orderId\":\"" + example.orderId + "\",\"requirementIds\":[\"" + requirement + "\"]}"),
                new Route("leader", "/api/cases/" + example.caseId + "/team", "{\"professionalId\":\"p-1\","
                        + "\"name\":\"n\",\"discipline\":\"d\",\"sector\":\"s\",\"role\":\"r\"}"),
                new Route("paedagog", "/api/cases/" + example.caseId + "/sessions/" + example.sessionId
                        + "/insights", "{\"professionalId\":\"paedagog\",\"requirementId\":\"" + requirement
                        + "\",\"insight\":\"i\",\"practiceChange\":\"p\"}"));
    }

    /** One field of a valid body spoiled: the text it replaces, what replaces it, and why it must be refused. */
    private record Spoil(String name, String find, String replaceWith) {
    }

    private static final List<Spoil> TEXT_SPOILS = List.of(
            new Spoil("NUL in a text", "\"s\"", json(NUL)),
            new Spoil("bidi override", "\"s\"", json(BIDI)),
            new Spoil("lone surrogate", "\"s\"", "\"broken \\ud800 pair\""),
            new Spoil("text over its limit", "\"s\"", "\"" + "x".repeat(20_001) + "\""),
            new Spoil("number for a text", "\"s\"", "12"),
            new Spoil("duplicate key", "\"s\"", "\"s\",\"summary\":\"t\""));

    @Test
    void spoiledBodiesAreRefusedAsProblemsAndRecordNothing(EndToEnd.Stack stack) throws SQLException {
        long before = recordedEvents(stack);
        List<String> accepted = new ArrayList<>();
        for (Route route : routes()) {
            for (String hostile : hostileBodies(route)) {
                Api.Response answer = stack.commands.post(route.user(), route.path(), hostile);
                if (answer.status() < 400 || answer.status() >= 500
                        || !answer.header("Content-Type").startsWith("application/problem+json")) {
                    accepted.add(answer.status() + " " + route.path() + " " + abbreviated(hostile));
                }
            }
        }
        assertThat(accepted).as("hostile bodies answered otherwise than as a 4xx problem").isEmpty();
        assertThat(recordedEvents(stack)).isEqualTo(before);
    }

    private List<String> hostileBodies(Route route) {
        String body = route.validBody();
        List<String> bodies = new ArrayList<>(List.of(
                body + " trailing",
                body.replaceFirst("\\{", "{\"unknownField\":1,"),
                body.substring(0, body.length() / 2),
                "[]",
                "null"));
        replaceAll(bodies, body, "\"2026-11-01\"", "\"-300000-01-01\"", "\"1800-01-01\"", "\"+10000-01-01\"",
                "12345", "\"2026-02-30\"");
        replaceAll(bodies, body, "\"2027-02-01\"", "\"0000-01-01\"", "\"9999999-01-01\"");
        replaceAll(bodies, body, "\"2027-01-01\"", "\"1899-12-31\"");
        replaceAll(bodies, body, "\"2027-06-01\"", "\"10000-01-01\"");
        replaceAll(bodies, body, "\"2026-11-20\"", "\"0000-03-01\"", "20261120");
        replaceAll(bodies, body, "\"value\":3", "\"value\":1e1000", "\"value\":1e309", "\"value\":\"3\"",
                "\"value\":NaN", "\"value\":1234567890123.5", "\"value\":0.0000001");
        replaceAll(bodies, body, "\"OTHER\"", "0", "\"NOT_A_THEME\"");
        replaceAll(bodies, body, "\"kk-handicap\"", "\"kk handicap\"", "\"kk/../x\"", json("kk" + NUL));
        replaceAll(bodies, body, "\"paedagog\"", "\"paed agog\"");
        replaceAll(bodies, body, "\"c\"", json(LONE_SURROGATE), json(NUL));
        replaceAll(bodies, body, "\"i\"", json(NUL), json(BIDI), "\"" + "x".repeat(20_001) + "\"");
        replaceAll(bodies, body, "\"r\"", json(NUL), "\"" + "x".repeat(5_001) + "\"");
        replaceAll(bodies, body, "\"p\"", json(NUL));
        replaceAll(bodies, body, "\"d\"", json(BIDI));
        for (Spoil spoil : TEXT_SPOILS) {
            if (body.contains(spoil.find())) {
                bodies.add(body.replaceFirst(Pattern.quote(spoil.find()),
                        Matcher.quoteReplacement(spoil.replaceWith())));
            }
        }
        if (body.contains("\"requirements\":[{")) {
            String requirement = body.substring(body.indexOf("{\"title\""), body.lastIndexOf('}') - 1);
            bodies.add(body.replace("\"requirements\":[" + requirement + "]",
                    "\"requirements\":[" + String.join(",", Collections.nCopies(51, requirement)) + "]"));
        }
        return bodies;
    }

    private static void replaceAll(List<String> bodies, String body, String find, String... replacements) {
        if (body.contains(find)) {
            for (String replacement : replacements) {
                bodies.add(body.replace(find, replacement));
            }
        }
    }

    /**
     * A character written in more bytes than UTF-8 allows ({@code C0 BC} for "<", {@code C0 80} for NUL) is not
     * UTF-8: refused, though Jackson alone would read it as the short form.
     */
    @Test
    void aBodyThatIsNotUtf8IsRefusedAndRecordsNothing(EndToEnd.Stack stack) throws SQLException {
        long before = recordedEvents(stack);
        for (byte[] overlong : List.of(new byte[] {(byte) 0xC0, (byte) 0xBC}, new byte[] {(byte) 0xC0, (byte) 0x80})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"summary\":\"Status".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(overlong);
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));

            Api.Response answer = stack.commands.postBytes("leader", example.order("/compliance-report"),
                    body.toByteArray());

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:malformed-json");
            assertThat(answer.body().get("detail").asText()).contains("not valid UTF-8");
        }
        assertThat(recordedEvents(stack)).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead(EndToEnd.Stack stack) throws SQLException {
        long before = recordedEvents(stack);
        String huge = "{\"summary\":\"" + "x".repeat(1_100_000) + "\"}";

        Api.Response answer = stack.commands.post("leader", example.order("/compliance-report"), huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:body-too-large");
        assertThat(recordedEvents(stack)).isEqualTo(before);
    }

    @Test
    void errorsOutsideTheControllersAreProblemsToo(EndToEnd.Stack stack) {
        HttpResponse<String> wrongMethod = stack.commands.raw("inspector", "PUT", "/api/orders", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("urn:tilsynsspor:problem:").doesNotContain("problemDetail.");

        Api.Response notAnId = stack.commands.post("leader", "/api/orders/not-a-uuid/acknowledgement", "{}");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.body().get("detail").asText()).isEqualTo(
                "Parameter orderId has an invalid value (expected a UUID).");

        Api.Response hugeHeader = stack.commands.post("leader", example.order("/acknowledgement"), "{}",
                Map.of("X-Padding", "a".repeat(16_000)));
        assertThat(hugeHeader.status()).isEqualTo(400);
        assertThat(hugeHeader.header("Content-Type")).startsWith("application/problem+json");

        HttpResponse<String> queryWrongMethod = stack.queries.raw("inspector", "DELETE", "/api/orders", null);
        assertThat(queryWrongMethod.statusCode()).isEqualTo(405);
        assertThat(queryWrongMethod.body()).contains("urn:tilsynsspor:problem:").doesNotContain("problemDetail.");
    }

    @Test
    void anAsOfOutsideTheYears1900To9999IsRefusedNamingItNotAFailure(EndToEnd.Stack stack) {
        // ISO 8601 names instants a billion years away; the dossier failed on them with a 500 (the zone's calendar
        // cannot name their day)
        for (String asOf : List.of("%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z")) {
            for (String route : List.of("/dossier", "/audit-trail", "/audit-trail/export?format=pdf")) {
                String path = example.order(route) + (route.contains("?") ? "&" : "?") + "asOf=" + asOf;
                Api.Response refused = stack.queries.get("inspector", path);
                assertThat(refused.status()).as("%s: %s", path, refused.body()).isEqualTo(400);
                assertThat(refused.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:invalid-request");
                assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("asOf");
                assertThat(refused.body().get("detail").asText()).isEqualTo(
                        "Parameter asOf must be an instant from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z.");
            }
        }
        Api.Response danish = stack.queries.get("inspector", example.order("/dossier?asOf=-1000000000-01-01T00:00:00Z"),
                Map.of("Accept-Language", "da"));
        assertThat(danish.status()).isEqualTo(400);
        assertThat(danish.body().at("/errors/0/message").asText()).isEqualTo("ugyldig værdi");
        assertThat(stack.queries.get("inspector", example.order("/dossier?asOf=9999-12-31T23:59:59Z")).status())
                .as("the last instant of 9999 is taken").isEqualTo(200);
    }

    @Test
    void anOrganisationIdNoOrganisationCanHaveIsRefusedNamingItNotAFailure(EndToEnd.Stack stack) {
        // a NUL reached PostgreSQL, which cannot hold it in a text, and failed the list with a 500
        for (String refused : List.of("a%00b", "kk%20handicap", "a".repeat(201), "faktura%E2%80%AEtxt")) {
            Api.Response list = stack.queries.get("inspector", "/api/orders?organisationId=" + refused);
            assertThat(list.status()).as("%s: %s", refused, list.body()).isEqualTo(400);
            assertThat(list.body().at("/errors/0/field").asText()).isEqualTo("organisationId");
        }
        Api.Response theirs = stack.queries.get("inspector", "/api/orders?organisationId=kk-handicap");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body().path("orders")).isNotEmpty()
                .allSatisfy(order -> assertThat(order.get("organisationId").asText()).isEqualTo("kk-handicap"));
        assertThat(stack.queries.get("inspector", "/api/orders?organisationId=").status()).as("blank: any")
                .isEqualTo(200);
    }

    @Test
    void aDecimalWhoseExponentMovesItsPointRightIsStoredWrittenOut(EndToEnd.Stack stack) throws SQLException {
        // zero passes every bound on digits with any exponent, and PostgreSQL's numeric and JSONB refuse to read
        // 0E+2147483647: an event is forever, so it is stored as 0
        for (String[] written : new String[][] {{"0E+2147483647", "0"}, {"2.5E+3", "2500"}, {"2.50", "2.50"}}) {
            Api.Response recorded = stack.commands.post("leader", example.requirement(example.restraintRequirement,
                    "/measurements"), "{\"value\":" + written[0] + ",\"measuredOn\":\"2026-12-01\",\"source\":\"x\"}");
            assertThat(recorded.status()).as("%s: %s", written[0], recorded.body()).isEqualTo(201);
            try (Connection connection = stack.database.connect(); Statement statement = connection.createStatement();
                 ResultSet stored = statement.executeQuery("SELECT convert_from(payload, 'UTF8') FROM"
                         + " events.domain_event_entry WHERE payloadType LIKE '%QualityMeasurementRecorded'"
                         + " ORDER BY globalIndex DESC LIMIT 1")) {
                stored.next();
                assertThat(stored.getString(1)).as(written[0]).contains("\"value\":" + written[1] + ",");
            }
        }
    }

    @Test
    void problemsAreToldInDanishToAClientThatAsksForDanish(EndToEnd.Stack stack) {
        Map<String, String> danish = Map.of("Accept-Language", "da-DK,da;q=0.9,en;q=0.5");

        Api.Response twice = stack.commands.post("leader", example.order("/acknowledgement"), "{}", danish);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:already-acknowledged");
        assertThat(twice.body().get("title").asText()).isEqualTo("Allerede kvitteret");
        assertThat(twice.body().get("detail").asText()).isEqualTo("Påbuddet er allerede kvitteret.");

        Api.Response invalid = stack.commands.post("leader", example.order("/compliance-report"), "{\"summary\":\"\"}",
                danish);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("detail").asText()).isEqualTo("Manglende eller ugyldige felter: summary.");

        // each field's message too: the body's reader and the text rules speak Danish, not only Bean Validation
        Api.Response unreadable = stack.commands.post("leader", example.requirement(example.restraintRequirement,
                "/measurements"), "{\"value\":\"tre\",\"measuredOn\":\"2026-12-01\",\"source\":\"x\"}", danish);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body().at("/errors/0/message").asText())
                .isEqualTo("har en ugyldig værdi (forventede et tal)");
        Api.Response controlCharacter = stack.commands.post("leader", example.requirement(
                example.restraintRequirement, "/measurements"),
                "{\"value\":3,\"measuredOn\":\"2026-12-01\",\"source\":\"ab\\u0007\"}", danish);
        assertThat(controlCharacter.status()).isEqualTo(400);
        assertThat(controlCharacter.body().at("/errors/0/message").asText())
                .isEqualTo("indeholder et kontroltegn (U+0007) på plads 3");

        Api.Response tooLong = stack.commands.post("leader", example.requirement(example.restraintRequirement,
                "/measurements"), "{\"value\":3,\"measuredOn\":\"2026-12-01\",\"source\":\"" + "x".repeat(501)
                + "\"}", danish);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().at("/errors/0/message").asText()).as("a text's length in characters")
                .isEqualTo("må højst være 500 tegn");

        // a header's text and an upload's texts by the same rules, their field and message as a body's field has them
        Api.Response longReason = stack.commands.post("leader", example.requirement(example.restraintRequirement,
                "/measurements"), "{\"value\":3,\"measuredOn\":\"2026-12-01\",\"source\":\"x\"}",
                Map.of("Accept-Language", "da", "X-Reason", "x".repeat(2001)));
        assertThat(longReason.status()).isEqualTo(400);
        assertThat(longReason.body().at("/errors/0/field").asText()).isEqualTo("X-Reason");
        assertThat(longReason.body().at("/errors/0/message").asText()).isEqualTo("højst 2000 tegn");
        Api.Response controlInTitle = stack.commands.upload("leader", example.requirement(
                example.restraintRequirement, "/documents"), Map.of("title", "ab\u0007", "effectiveOn", "2026-12-01"),
                "referat.txt", "Referat\n".getBytes(StandardCharsets.UTF_8), danish);
        assertThat(controlInTitle.status()).as("%s", controlInTitle.body()).isEqualTo(400);
        assertThat(controlInTitle.body().at("/errors/0/field").asText()).isEqualTo("title");
        assertThat(controlInTitle.body().at("/errors/0/message").asText())
                .isEqualTo("indeholder et kontroltegn (U+0007) på plads 3");

        // a name or label on one line: a line break in a measurement's source or an upload's title is refused
        Api.Response twoLineSource = stack.commands.post("leader", example.requirement(example.restraintRequirement,
                "/measurements"), "{\"value\":3,\"measuredOn\":\"2026-12-01\",\"source\":\"Log\\nBcc: x\"}", danish);
        assertThat(twoLineSource.status()).isEqualTo(400);
        assertThat(twoLineSource.body().at("/errors/0/field").asText()).isEqualTo("source");
        assertThat(twoLineSource.body().at("/errors/0/message").asText())
                .isEqualTo("skal stå på én linje (uden linjeskift)");
        Api.Response twoLineTitle = stack.commands.upload("leader", example.requirement(
                example.restraintRequirement, "/documents"), Map.of("title", "Referat\r\nuge 48", "effectiveOn",
                "2026-12-01"), "referat.txt", "Referat\n".getBytes(StandardCharsets.UTF_8), danish);
        assertThat(twoLineTitle.status()).as("%s", twoLineTitle.body()).isEqualTo(400);
        assertThat(twoLineTitle.body().at("/errors/0/message").asText())
                .isEqualTo("skal stå på én linje (uden linjeskift)");

        Api.Response anonymous = stack.commands.post(null, example.order("/acknowledgement"), "{}", danish);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("title").asText()).isEqualTo("Ikke logget ind");

        Api.Response english = stack.commands.post("leader", example.order("/acknowledgement"), "{}");
        assertThat(english.body().get("detail").asText()).isEqualTo("The order is acknowledged already.");
    }

    @Test
    void aFormSentAfterItsLoginEndedLeadsToTheLoginPageSayingNothingWasRegisteredThenBackToItsPage(
            EndToEnd.Stack stack) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build(); // never redirected
        String base = stack.queryService.baseUrl();
        String dossier = base + "/paabud/" + example.orderId;
        // no session cookie: as a form sent after its session expired (or the service restarted) arrives
        HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(URI.create(dossier + "/varsel-svar"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", dossier)
                .POST(HttpRequest.BodyPublishers.ofString("response=Svar&_csrf=expired"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).isEqualTo(302);
        // the session id only ever in its cookie: ;jsessionid=… in the address was refused by the firewall (400)
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?udloebet").doesNotContainIgnoringCase("jsessionid"));
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login?udloebet"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("Dit login var udløbet, så det, du sendte, er ikke");
        if (stack.tokens != null) {
            return; // bearer tokens only on the server pass: no demo user to log in with the form
        }

        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=leader&password="
                        + URLEncoder.encode(EndToEnd.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location"))
                .as("back to the page the form was on, telling its script to put the typed text back")
                .hasValue(dossier + "?gendan");
    }

    @Test
    void aWrongPasswordIsSaidToBeWrong(EndToEnd.Stack stack) {
        if (stack.tokens != null) {
            return; // bearer tokens only on the server pass: no passwords to get wrong
        }
        String wrong = Base64.getEncoder().encodeToString("leader:not-the-password".getBytes());
        Api.Response answer = stack.commands.getAuthorized("Basic " + wrong, "/api/orders");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("detail").asText()).isEqualTo("The user name or password is wrong.");
    }

    @Test
    void aReasonWithDanishLettersIsKeptAsWrittenAndAFormulaIsNeutralisedInTheCsv(EndToEnd.Stack stack) {
        String reason = "=HYPERLINK(\"http://evil.example/\";\"tilsynsbesøg på Ærø\")";
        int status = stack.commands.postWithUtf8Header("leader",
                example.requirement(example.restraintRequirement, "/measurements"),
                "{\"value\":1,\"measuredOn\":\"2026-12-01\",\"source\":\"=1+1\"}", "X-Reason", reason);
        assertThat(status).isEqualTo(201);

        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(() -> lastTrailEntry(stack),
                last -> last != null && reason.equals(last.path("reason").asText()));
        assertThat(entry.get("reason").asText()).isEqualTo(reason);
        String csv = new String(stack.queries.download("inspector",
                example.order("/audit-trail/export?format=csv")).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\";\"\"tilsynsbesøg på Ærø\"\")\"")
                .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void everyReadModelStillReadsAfterTheAttack(EndToEnd.Stack stack) {
        spoiledBodiesAreRefusedAsProblemsAndRecordNothingQuietly(stack);
        List<String> reads = List.of("/api/orders", example.order("/dossier"), example.order("/audit-trail"),
                example.order("/audit-trail/verification"), example.order("/audit-trail/export?format=csv"),
                example.order("/audit-trail/export?format=json"), example.order("/audit-trail/export?format=pdf"),
                "/api/organisations/kk-handicap/overview", "/api/cases/" + example.caseId);
        for (String read : reads) {
            String user = read.startsWith("/api/organisations") || read.startsWith("/api/cases") ? "leader"
                    : "inspector";
            assertThat(stack.queries.download(user, read).statusCode()).as(read).isEqualTo(200);
        }
        assertThat(stack.queries.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    private void spoiledBodiesAreRefusedAsProblemsAndRecordNothingQuietly(EndToEnd.Stack stack) {
        for (Route route : routes()) {
            hostileBodies(route).forEach(body -> stack.commands.post(route.user(), route.path(), body));
        }
    }

    private JsonNode lastTrailEntry(EndToEnd.Stack stack) {
        JsonNode entries = stack.queries.get("inspector", example.order("/audit-trail")).body().path("entries");
        return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }

    /** Events in the store, apart from missed deadlines, which the scheduler may record at any time. */
    private static long recordedEvents(EndToEnd.Stack stack) throws SQLException {
        try (Connection connection = stack.database.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM events.domain_event_entry"
                     + " WHERE payloadType NOT LIKE '%RequirementDeadlineMissed'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            quoted.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c > 0x2000
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return quoted.append('"').toString();
    }

    private static String abbreviated(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
