package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first slice end to end: an order imposed on command-service shows up in query-service's dossier. */
@ExtendWith(EndToEnd.class)
class OrderSliceIT {

    static Map<String, Object> order(String reference) {
        return Map.of(
                "authorityId", "socialtilsyn-hovedstaden",
                "organisationId", "kk-handicap",
                "reference", reference,
                "legalBasis", "Lov om socialtilsyn § 8",
                "issuedOn", "2026-11-01",
                "noticeWaivedReason", "Akut risiko for beboernes sikkerhed",
                "summary", "Påbud om pædagogisk metode og magtanvendelse",
                "requirements", List.of(
                        Map.of("title", "Pædagogisk metode",
                                "requiredChange", "document the pedagogical method and follow it up in action plans",
                                "qualityTheme", "MAALGRUPPE_METODER_OG_RESULTATER", "deadline", "2027-02-01"),
                        Map.of("title", "Low arousal",
                                "requiredChange", "staff use low-arousal de-escalation; restraint incidents fall",
                                "qualityTheme", "KOMPETENCER", "deadline", "2027-05-01")));
    }

    @Test
    void anImposedOrderAppearsInTheDossierWithItsRequirementsOpen(EndToEnd.Stack stack) {
        Api.Response created = stack.commands.post("inspector", "/api/orders", order("ST-2026-0001"));

        assertThat(created.status()).isEqualTo(201);
        String orderId = created.body().get("id").asText();
        assertThat(created.body().get("requirementIds")).hasSize(2);
        assertThat(created.header("Location")).endsWith("/api/orders/" + orderId + "/dossier");

        JsonNode dossier = await().atMost(Duration.ofSeconds(5)).until(
                () -> stack.queries.get("inspector", "/api/orders/" + orderId + "/dossier"),
                response -> response.status() == 200).body();
        assertThat(dossier.get("reference").asText()).isEqualTo("ST-2026-0001");
        assertThat(dossier.get("requirements")).hasSize(2);
        assertThat(dossier.get("requirements").get(0).get("requirementId").asText())
                .isEqualTo(created.body().get("requirementIds").get(0).asText());
        assertThat(dossier.get("requirements").get(0).get("deadline").asText()).isEqualTo("2027-02-01");
        assertThat(dossier.get("requirements").get(0).has("daysLeft")).isTrue();
        assertThat(dossier.get("requirements").findValuesAsText("status")).containsOnly("OPEN");
    }

    @Test
    void theActorAndReasonOfACommandAreRecordedWithItsEvent(EndToEnd.Stack stack) throws SQLException {
        Api.Response created = stack.commands.post("inspector", "/api/orders", order("ST-2026-0002"));
        String orderId = created.body().get("id").asText();
        try (Connection connection = stack.database.connect();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT convert_from(metadata, 'UTF8') FROM events.domain_event_entry"
                             + " WHERE aggregateidentifier = '" + UUID.fromString(orderId) + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).contains("\"actorId\":\"inspector\"", "\"actorRole\":\"INSPECTOR\"",
                    "\"actorScope\":\"socialtilsyn-hovedstaden\"");
        }
    }

    @Test
    void aMissingFieldIsA400ProblemNamingTheField(EndToEnd.Stack stack) {
        Map<String, Object> order = new java.util.HashMap<>(order("ST-2026-0003"));
        order.remove("legalBasis");

        Api.Response response = stack.commands.post("inspector", "/api/orders", order);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("errors").findValuesAsText("field")).containsExactly("legalBasis");
        assertThat(response.body().get("detail").asText()).contains("legalBasis");
    }

    @Test
    void malformedJsonIsA400Problem(EndToEnd.Stack stack) {
        Api.Response response = stack.commands.post("inspector", "/api/orders", "{\"reference\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:malformed-json");
    }

    @Test
    void anUnknownQualityThemeIsA400ProblemNamingTheField(EndToEnd.Stack stack) {
        String body = "{\"authorityId\":\"a\",\"organisationId\":\"o\",\"reference\":\"r\",\"legalBasis\":\"l\","
                + "\"issuedOn\":\"2026-11-01\",\"requirements\":[{\"title\":\"t\",\"requiredChange\":\"c\","
                + "\"qualityTheme\":\"HYGIEJNE\",\"deadline\":\"2027-01-01\"}]}";

        Api.Response response = stack.commands.post("inspector", "/api/orders", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .containsExactly("requirements[0].qualityTheme");
    }

    @Test
    void aDeadlineBeforeTheIssuedDateIsRefusedAsABrokenRule(EndToEnd.Stack stack) {
        Map<String, Object> order = new java.util.HashMap<>(order("ST-2026-0004"));
        order.put("issuedOn", "2027-03-01");

        Api.Response response = stack.commands.post("inspector", "/api/orders", order);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:deadline-before-issue");
        assertThat(response.body().get("detail").asText()).contains("Pædagogisk metode", "2027-02-01");
        assertThat(response.body().get("field").asText()).as("the field the rule is about")
                .isEqualTo("requirements[0].deadline");
    }

    @Test
    void withoutCredentialsBothServicesAnswer401Problems(EndToEnd.Stack stack) {
        Api.Response command = stack.commands.post(null, "/api/orders", order("ST-2026-0005"));
        Api.Response query = stack.queries.get(null, "/api/orders");

        assertThat(command.status()).isEqualTo(401);
        assertThat(query.status()).isEqualTo(401);
        assertThat(query.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stack.queries.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void commandServiceHealthShowsTheHashChainComponentToAnyoneWithoutItsDetails(EndToEnd.Stack stack) {
        assertThat(stack.commands.post("inspector", "/api/orders", order("ST-2026-0006")).status()).isEqualTo(201);

        JsonNode health = stack.commands.get(null, "/actuator/health").body();

        assertThat(health.at("/components/hashChain/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/hashChain/details").isMissingNode())
                .as("which backend holds sealing back is for the operator's log, not for anonymous callers").isTrue();
    }

    @Test
    void anUnknownOrderIsA404Problem(EndToEnd.Stack stack) {
        Api.Response response = stack.queries.get("inspector", "/api/orders/" + UUID.randomUUID() + "/dossier");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:not-found");
    }
}
