package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The citizen's personal data: sealed per case in the event store, and gone from everywhere once the citizen is
 * forgotten, while the trail still verifies.
 */
@ExtendWith(EndToEnd.class)
class PrivacyIT {

    private static final String ERASED = "[erased]";
    /** The worked example's citizen reference, a development theme and an insight with its practice change. */
    private static final List<String> PERSONAL = List.of("Sover bedre efter den nye aftenrutine", "Referat af læringsmøde", "borger-0417", "at læse optrapning tidligt",
            "Uro opstår ved aftensmaden", "Skærmet spiseplads og faste rutiner ved aftensmaden");

    @Test
    void forgettingTheCitizenErasesTheirTextsEverywhereAndTheTrailStillVerifies(EndToEnd.Stack stack)
            throws Exception {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-FORGET-1");
        String forget = "/api/cases/" + example.caseId + "/forget";

        // sealed at rest: the event store never holds the texts in the clear, yet the read models show them
        assertThat(storedPayloads(stack, example.caseId)).doesNotContain(PERSONAL.toArray(String[]::new));
        JsonNode readable = await().atMost(Duration.ofSeconds(5)).until(() -> caseView(stack, example),
                view -> view.at("/sessions/0/insights").size() == 2);
        assertThat(readable.get("citizenRef").asText()).isEqualTo("borger-0417");
        // nor does the read side: it keeps no payloads, reads them sealed from the store and opens them as it reads
        assertThat(readModelRows(stack)).contains(example.caseId).doesNotContain(PERSONAL.toArray(String[]::new));

        // the citizen's progress, assessed by a professional on the team and by a leader: sealed like every text
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
        WorkedExample.expect(201, stack.commands.post("paedagog", "/api/cases/" + example.caseId
                + "/progress-assessments", Map.of("assessedOn", today.minusDays(30).toString(), "scores", List.of(
                Map.of("dimension", "Bolig", "score", 4), Map.of("dimension", "Netværk og relationer", "score", 3)))));
        WorkedExample.expect(201, stack.commands.post("leader", "/api/cases/" + example.caseId
                + "/progress-assessments", Map.of("assessedOn", today.toString(), "scores", List.of(
                Map.of("dimension", "Bolig", "score", 6), Map.of("dimension", "Netværk og relationer", "score", 5)),
                "note", "Sover bedre efter den nye aftenrutine")));
        WorkedExample.expect(422, stack.commands.post("leader", "/api/cases/" + example.caseId
                + "/progress-assessments", Map.of("assessedOn", today.toString(), "scores", List.of(
                Map.of("dimension", "Bolig", "score", 11)))));
        WorkedExample.expect(403, stack.commands.post("inspector", "/api/cases/" + example.caseId
                + "/progress-assessments", Map.of("assessedOn", today.toString(), "scores", List.of(
                Map.of("dimension", "Bolig", "score", 5)))));
        JsonNode assessed = await().atMost(Duration.ofSeconds(10)).until(() -> caseView(stack, example),
                view -> view.get("assessments").size() == 2);
        assertThat(assessed.at("/assessments/1/scores/0/score").asInt()).isEqualTo(6);
        assertThat(assessed.at("/assessments/1/note").asText()).isEqualTo("Sover bedre efter den nye aftenrutine");
        assertThat(storedPayloads(stack, example.caseId)).doesNotContain("Bolig=6");
        assertThat(readModelRows(stack)).doesNotContain("Bolig=6", "Sover bedre");

        // a document on the case: sealed under the same key, so shredded with it
        String documentId = WorkedExample.expect(201, stack.commands.upload("paedagog", "/api/cases/" + example.caseId
                + "/documents", Map.of("title", "Referat af læringsmøde", "effectiveOn", today.toString(),
                "requirementId", example.restraintRequirement), "referat.txt",
                EvidenceDocumentsIT.MINUTES, Map.of())).body().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.queries.download("leader", "/api/documents/"
                + documentId).statusCode() == 200);

        Api.Response held = stack.commands.post("leader", forget, Map.of("reason", "Borgeren har bedt om sletning"));
        assertThat(held.status()).as("%s", held.body()).isEqualTo(409);
        assertThat(held.body().get("type").asText()).endsWith(":legal-hold");
        example.conclude();
        assertThat(stack.commands.post("leader2", forget, Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(stack.commands.post("paedagog", forget, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(stack.commands.post("leader", forget, Map.of()).status()).isEqualTo(400);

        Api.Response forgotten = stack.commands.post("leader", forget,
                Map.of("reason", "Borgeren har bedt om sletning"));
        assertThat(forgotten.status()).as("%s", forgotten.body()).isEqualTo(200);
        assertThat(keyOf(stack, example.caseId)).isNull();

        JsonNode trail = await().atMost(Duration.ofSeconds(5)).until(
                () -> stack.queries.get("inspector", example.order("/audit-trail")).body().get("entries"),
                entries -> entries.get(entries.size() - 1).get("eventType").asText().equals("CitizenForgotten"));
        JsonNode receipt = trail.get(trail.size() - 1);
        assertThat(receipt.get("actorId").asText()).isEqualTo("leader");
        assertThat(receipt.at("/payload/reason").asText()).isEqualTo("Borgeren har bedt om sletning");
        assertThat(receipt.get("payload").size()).isEqualTo(3); // caseId, orderId, reason: nothing personal

        JsonNode view = caseView(stack, example);
        assertThat(view.get("citizenRef").asText()).isEqualTo(ERASED);
        assertThat(view.at("/sessions/0/insights").findValuesAsText("insight")).containsOnly(ERASED);
        assertThat(view.at("/sessions/0/insights").findValuesAsText("practiceChange")).containsOnly(ERASED);
        assertThat(view.get("assessments")).as("the assessments stay, their scores and notes are gone").hasSize(2);
        assertThat(view.get("assessments").findValues("scores")).allSatisfy(scores -> assertThat(scores).isEmpty());
        assertThat(view.at("/assessments/1/note").asText()).isEqualTo(ERASED);
        JsonNode dossier = stack.queries.get("inspector", example.order("/dossier")).body();
        assertThat(dossier.at("/cases/0/citizenRef").asText()).isEqualTo(ERASED);

        for (String everywhere : List.of(trail.toString(), dossier.toString(), view.toString(),
                readModelRows(stack), storedPayloads(stack, example.caseId),
                download(stack, example, "csv"), download(stack, example, "json"), PdfPages.ofOrder(stack, example))) {
            assertThat(everywhere).doesNotContain(PERSONAL.toArray(String[]::new));
        }
        assertThat(PdfPages.ofOrder(stack, example)).contains(ERASED);
        assertThat(download(stack, example, "csv")).contains(ERASED);

        Api.Response erasedDocument = stack.queries.get("leader", "/api/documents/" + documentId);
        assertThat(erasedDocument.status()).isEqualTo(410);
        assertThat(erasedDocument.body().get("type").asText()).endsWith(":document-erased");
        assertThat(text(stack, "SELECT count(*)::text FROM events.evidence_document WHERE case_id = ?::uuid",
                example.caseId)).isEqualTo("0");

        JsonNode verification = example.sealedVerification(stack.queries);
        assertThat(verification.get("intact").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.at("/documents/0/outcome").asText()).as("shredded on purpose, not tampered with")
                .isEqualTo("ERASED");
        assertThat(verification.get("entries").asInt()).isEqualTo(trail.size());

        Api.Response again = stack.commands.post("leader", forget, Map.of("reason", "igen"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("type").asText()).endsWith(":already-forgotten");
    }

    @Test
    void aCprNumberAnywhereACitizenIsNamedIsRefused(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-CPR-1");
        example.acknowledgeAndPlan();
        Api.Response opened = stack.commands.post("leader", "/api/cases", Map.of("organisationId", "kk-handicap",
                "citizenRef", "010190-1234", "orderId", example.orderId,
                "requirementIds", List.of(example.restraintRequirement)));
        assertThat(opened.status()).isEqualTo(422);
        assertThat(opened.body().get("type").asText()).endsWith(":cpr-number");
        example.openCaseWithTeam();
        Api.Response theme = stack.commands.post("paedagog", "/api/cases/" + example.caseId + "/development-themes",
                Map.of("professionalId", "paedagog", "theme", "borger 0101901234 og uro",
                        "requirementId", example.restraintRequirement));
        assertThat(theme.status()).isEqualTo(422);
        assertThat(theme.body().get("type").asText()).endsWith(":cpr-number");
    }

    private static JsonNode caseView(EndToEnd.Stack stack, WorkedExample example) {
        return stack.queries.get("leader", "/api/cases/" + example.caseId).body();
    }

    private static String download(EndToEnd.Stack stack, WorkedExample example, String format) {
        return new String(stack.queries.download("inspector",
                example.order("/audit-trail/export?format=" + format)).body(), UTF_8);
    }

    private static String storedPayloads(EndToEnd.Stack stack, String caseId) throws SQLException {
        return text(stack, "SELECT string_agg(convert_from(payload, 'UTF8'), ' ') FROM events.domain_event_entry"
                + " WHERE aggregateIdentifier = ?", caseId);
    }

    /** Every row of every table of the read side's schema, as text. */
    private static String readModelRows(EndToEnd.Stack stack) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = stack.database.connect(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'query'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String name : names) {
                try (ResultSet row = statement.executeQuery("SELECT t::text FROM query." + name + " t")) {
                    while (row.next()) {
                        rows.append(row.getString(1)).append('\n');
                    }
                }
            }
        }
        return rows.toString();
    }

    private static byte[] keyOf(EndToEnd.Stack stack, String caseId) throws SQLException {
        try (Connection connection = stack.database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT key FROM events.citizen_key WHERE case_id = ?::uuid AND forgotten_at IS NOT NULL")) {
            query.setString(1, caseId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a tombstone for case %s", caseId).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static String text(EndToEnd.Stack stack, String sql, String parameter) throws SQLException {
        try (Connection connection = stack.database.connect();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                String text = row.getString(1);
                assertThat(text).as("rows for %s", parameter).isNotBlank();
                return text;
            }
        }
    }
}
