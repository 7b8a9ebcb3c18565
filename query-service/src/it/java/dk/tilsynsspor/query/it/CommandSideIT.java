package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dk.tilsynsspor.query.it.WorkedExample.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The command side over HTTP: the whole flow, its broken rules, idempotency, concurrency and deadlines. */
@ExtendWith(EndToEnd.class)
class CommandSideIT {

    @Test
    void theWorkedExampleRunsFromOrderToClosure(EndToEnd.Stack stack) throws SQLException {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-FLOW-1");
        example.conclude();

        List<String> events = eventTypes(stack, example.orderId);
        assertThat(events).startsWith("SupervisoryOrderImposed", "SupervisoryOrderAcknowledged")
                .endsWith("ComplianceReportSubmitted", "ComplianceAccepted", "SupervisoryOrderClosed")
                .containsOnlyOnce("SupervisoryOrderClosed");
        assertThat(eventTypes(stack, example.caseId)).contains("CitizenCaseOpened", "LearningSessionHeld",
                "SessionInsightRecorded");
        Api.Response afterClosure = stack.commands.post("leader", example.order("/acknowledgement"), "{}");
        assertThat(afterClosure.status()).isEqualTo(409);
        assertThat(afterClosure.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:order-closed");
    }

    @Test
    void brokenRulesAnswerWithTheirStatusAndAProblemALeaderUnderstands(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.learned(stack.commands, "ST-RULES-1");

        assertProblem(stack.commands.post("leader", example.requirement(example.restraintRequirement,
                "/verification"), Map.of("goalMet", true, "conclusion", "c", "evidence",
                Map.of("insightIds", List.of(), "measurementIds", List.of()))), 422, "evidence-missing");
        assertProblem(stack.commands.post("leader", example.order("/compliance-report"), Map.of("summary", "s")),
                422, "nothing-to-report");
        assertProblem(stack.commands.post("leader", example.order("/compliance-report"), Map.of("summary", "s",
                "requirementIds", List.of(example.methodRequirement))), 422, "requirements-not-verified");
        assertProblem(stack.commands.post("inspector", example.order("/decision"), Map.of("decision", "ACCEPT")),
                409, "no-report-to-decide");
        assertProblem(stack.commands.post("leader", example.requirement(UUID.randomUUID().toString(),
                "/action-plans"), Map.of("plannedChanges", "p", "responsibleLeader", "l", "milestones", List.of())),
                404, "unknown-requirement");
        assertProblem(stack.commands.post("leader", "/api/orders/" + UUID.randomUUID() + "/acknowledgement", "{}"),
                404, "not-found");
        Api.Response insightOfUnknownSession = stack.commands.post("paedagog", "/api/cases/" + example.caseId
                + "/sessions/" + UUID.randomUUID() + "/insights", Map.of("professionalId", "paedagog",
                "requirementId", example.methodRequirement, "insight", "i", "practiceChange", "p"));
        assertProblem(insightOfUnknownSession, 404, "unknown-session");
        assertProblem(stack.commands.post("leader", "/api/cases", Map.of("organisationId", "kk-handicap",
                "citizenRef", "010190-1234", "orderId", example.orderId,
                "requirementIds", List.of(example.methodRequirement))), 422, "cpr-number");
        assertProblem(stack.commands.post("leader", "/api/cases/" + example.caseId + "/team", Map.of(
                "professionalId", "paedagog", "name", "Pia", "discipline", "pædagog", "sector", "bosted",
                "role", "kontakt")), 409, "already-on-team");
    }

    @Test
    void onlyTheRightRoleOfTheRightAuthorityOrOrganisationMayCommand(EndToEnd.Stack stack) throws SQLException {
        WorkedExample example = WorkedExample.learned(stack.commands, "ST-ROLES-1");
        int before = eventTypes(stack, example.orderId).size() + eventTypes(stack, example.caseId).size();
        String insights = "/api/cases/" + example.caseId + "/sessions/" + example.sessionId + "/insights";
        Map<String, Object> insight = Map.of("professionalId", "paedagog", "requirementId",
                example.restraintRequirement, "insight", "i", "practiceChange", "p");

        assertProblem(stack.commands.post("paedagog", "/api/orders", Map.of("authorityId", "socialtilsyn-hovedstaden",
                "organisationId", "kk-handicap", "reference", "X", "legalBasis", "§", "issuedOn", "2026-11-01",
                "noticeWaivedReason", "akut",
                "requirements", List.of(Map.of("title", "t", "requiredChange", "c", "qualityTheme", "KOMPETENCER",
                        "deadline", "2027-01-01")))), 403, "wrong-role");
        // another authority's or organisation's order answers exactly as an unknown one
        assertProblem(stack.commands.post("inspector2", example.order("/escalation"), Map.of("reason", "r",
                        "until", LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusMonths(1).toString())),
                404, "not-found");
        assertProblem(stack.commands.post("leader2", example.order("/compliance-report"), Map.of("summary", "s")),
                404, "not-found");
        assertProblem(stack.commands.post("leader", insights, insight), 403, "wrong-role");
        assertProblem(stack.commands.post("professional2", insights, Map.of("professionalId", "professional2",
                "requirementId", example.restraintRequirement, "insight", "i", "practiceChange", "p")),
                404, "not-found");
        assertProblem(stack.commands.post("psykolog", insights, insight), 403, "not-yourself");
        assertThat(eventTypes(stack, example.orderId).size() + eventTypes(stack, example.caseId).size())
                .isEqualTo(before);
    }

    @Test
    void aDoubleSubmitWithTheSameIdempotencyKeyCreatesOneEvent(EndToEnd.Stack stack) throws SQLException {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-IDEM-1");
        example.acknowledgeAndPlan();
        String key = UUID.randomUUID().toString();
        Map<String, Object> measurement = Map.of("value", 5, "measuredOn", "2026-12-31", "source", "register");
        String path = example.requirement(example.restraintRequirement, "/measurements");

        Api.Response first = stack.commands.post("leader", path, measurement, Map.of("Idempotency-Key", key));
        Api.Response second = stack.commands.post("leader", path, measurement, Map.of("Idempotency-Key", key));
        Api.Response otherBody = stack.commands.post("leader", path, Map.of("value", 4, "measuredOn", "2026-12-31",
                "source", "register"), Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventTypes(stack, example.orderId)).containsOnlyOnce("QualityMeasurementRecorded");
        assertProblem(otherBody, 422, "idempotency-key-reused");
    }

    @Test
    void aBurstOfParallelCommandsOnOneOrderLeavesAConsistentEventStream(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-BURST-1");
        example.acknowledgeAndPlan();
        String path = example.requirement(example.restraintRequirement, "/measurements");
        int before = eventTypes(stack, example.orderId).size();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int value = i % 7;
            answers.add(clients.submit(() -> stack.commands.post("leader", path, Map.of("value", value,
                    "measuredOn", "2026-12-31", "source", "burst"))));
        }
        for (Future<Api.Response> answer : answers) {
            assertThat(answer.get().status()).isIn(201, 409);
        }
        clients.shutdown();
        long accepted = answers.stream().filter(a -> status(a) == 201).count();

        List<Long> sequence = sequenceNumbers(stack, example.orderId);
        assertThat(sequence).hasSize(before + (int) accepted);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
        assertThat(accepted).isEqualTo(40);
    }

    /**
     * Two command-service instances on one store: what one appends, the other's next command on that aggregate
     * sees. Instance A keeps the order in its cache; B defines a quality goal; A's measurement needs that goal (on
     * its old copy A would refuse it). Then B records a measurement and A another: A's old copy would give its event
     * the number B's took, so A's command runs again on the events, and both are kept, numbered one after the other.
     */
    @Test
    void aSecondInstanceOnTheSameStoreNeverLeavesTheFirstDecidingOnAStaleAggregate(EndToEnd.Stack stack)
            throws SQLException {
        ServiceProcess second = stack.anotherCommandService();
        second.start();
        try {
            Api other = new Api(second.baseUrl(), stack.tokens);
            WorkedExample order = WorkedExample.imposed(stack.commands, "ST-TWO-INSTANCES");
            expect(200, stack.commands.post("leader", order.order("/acknowledgement"), "{}"));
            expect(201, other.post("leader", order.requirement(order.restraintRequirement,
                    "/quality-goal"), Map.of("indicator", "restraint incidents per month", "unit", "incidents",
                    "baseline", 6, "target", 2, "direction", "LOWER_IS_BETTER")));

            Api.Response measured = stack.commands.post("leader", order.requirement(order.restraintRequirement,
                    "/measurements"), Map.of("value", 4, "measuredOn", "2026-12-01", "source", "incident log"));

            assertThat(measured.status()).as(measured.body().toString()).isEqualTo(201);

            expect(201, other.post("leader", order.requirement(order.restraintRequirement, "/measurements"),
                    Map.of("value", 3, "measuredOn", "2026-12-02", "source", "incident log")));
            Api.Response measuredAgain = stack.commands.post("leader", order.requirement(order.restraintRequirement,
                    "/measurements"), Map.of("value", 2, "measuredOn", "2026-12-03", "source", "incident log"));

            assertThat(measuredAgain.status()).as(measuredAgain.body().toString()).isEqualTo(201);
            assertThat(eventTypes(stack, order.orderId)).filteredOn("QualityMeasurementRecorded"::equals).hasSize(3);
        } finally {
            second.stop();
        }
    }

    @Test
    void aDeadlinePassedWhileCommandServiceWasDownIsMissedAfterRestart(EndToEnd.Stack stack) throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        String orderId = expect(201, stack.commands.post("inspector", "/api/orders", Map.of(
                "authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap", "reference", "ST-DL-1",
                "legalBasis", "§ 8", "issuedOn", today.toString(), "noticeWaivedReason", "akut",
                "requirements", List.of(Map.of("title", "t",
                        "requiredChange", "c", "qualityTheme", "KOMPETENCER", "deadline", today.toString())))))
                .body().get("id").asText();
        stack.commandService.stop();
        try {
            stack.commandService.start("--tilsynsspor.deadlines.clock-offset=P2D");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(eventTypes(stack, orderId)).containsExactly("SupervisoryOrderImposed",
                            "RequirementDeadlineMissed"));
        } finally {
            stack.commandService.stop();
            stack.commandService.start();
        }
    }

    @Test
    void skaerpetTilsynExpiresWhenItsDatePassesAlsoAcrossARestart(EndToEnd.Stack stack) throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-SKAERPET-1");
        assertProblem(stack.commands.post("inspector", example.order("/escalation"), Map.of("reason", "fund",
                "until", today.plusMonths(7).toString())), 422, "escalation-too-long");
        expect(200, stack.commands.post("inspector", example.order("/escalation"), Map.of("reason",
                "gentagne magtanvendelser", "until", today.plusDays(1).toString(),
                "requirementIds", List.of(example.restraintRequirement))));
        stack.commandService.stop();
        try {
            stack.commandService.start("--tilsynsspor.deadlines.clock-offset=P3D");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(eventTypes(stack, example.orderId)).endsWith("SupervisoryOrderEscalated",
                            "EscalationExpired"));
        } finally {
            stack.commandService.stop();
            stack.commandService.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode dossier = stack.queries.get("inspector", example.order("/dossier")).body();
            assertThat(dossier.get("escalated").asBoolean()).isFalse();
            assertThat(dossier.at("/escalation/until").asText()).isEqualTo(today.plusDays(1).toString());
            assertThat(dossier.at("/escalation/ending").asText()).isEqualTo("EXPIRED");
            assertThat(dossier.at("/escalation/requirementIds/0").asText()).isEqualTo(example.restraintRequirement);
        });
        assertProblem(stack.commands.post("inspector", example.order("/escalation/end"), Map.of("reason", "r")),
                409, "not-escalated");
    }

    /**
     * An order with a long history is read from its latest snapshot after a restart (ADR 21): the snapshot the
     * service took holds every measurement recorded before it, so a verification citing them is accepted after the
     * restart, and one citing a measurement the order never had is refused as before.
     */
    @Test
    void anOrderWithALongHistoryIsReadFromItsSnapshotAfterARestart(EndToEnd.Stack stack) throws SQLException {
        WorkedExample example = WorkedExample.learned(stack.commands, "ST-SNAPSHOT-1");
        example.measure();
        for (int i = 0; i < 130; i++) {
            expect(201, stack.commands.post("leader", example.requirement(example.methodRequirement,
                    "/measurements"), Map.of("value", 90, "measuredOn", LocalDate.of(2026, 1, 1).plusDays(i % 300)
                    .toString(), "source", "journalaudit")));
        }
        if (!stack.onAxonServer()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Long> snapshots = new ArrayList<>();
                query(stack, "SELECT sequencenumber FROM events.snapshot_event_entry WHERE aggregateidentifier = '"
                        + UUID.fromString(example.orderId) + "' AND payloadtype LIKE '%.OrderSnapshot'",
                        rows -> snapshots.add(rows.getLong(1)));
                // one snapshot, the latest, of at least the order's first 100 events (sequence numbers from 0)
                assertThat(snapshots).singleElement().satisfies(sequence ->
                        assertThat(sequence).isGreaterThanOrEqualTo(99));
            });
        }
        stack.commandService.stop();
        stack.commandService.start();

        assertProblem(stack.commands.post("leader", example.requirement(example.methodRequirement, "/verification"),
                Map.of("goalMet", true, "conclusion", "c", "evidence", Map.of("insightIds",
                        List.of(example.insightIds.get(1)), "measurementIds", List.of(UUID.randomUUID())))),
                422, "unknown-measurement");
        example.verify();
        example.conclude();
        assertThat(eventTypes(stack, example.orderId)).endsWith("SupervisoryOrderClosed");
    }

    private static int status(Future<Api.Response> answer) {
        try {
            return answer.get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("urn:tilsynsspor:problem:" + code);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }

    static List<String> eventTypes(EndToEnd.Stack stack, String aggregateId) throws SQLException {
        return stack.eventTypes(aggregateId);
    }

    static List<String> eventTypesInPostgres(EndToEnd.Stack stack, String aggregateId) throws SQLException {
        List<String> types = new ArrayList<>();
        query(stack, "SELECT payloadtype FROM events.domain_event_entry WHERE aggregateidentifier = '"
                + UUID.fromString(aggregateId) + "' ORDER BY sequencenumber", rows -> {
            String type = rows.getString(1);
            types.add(type.substring(type.lastIndexOf('.') + 1));
        });
        return types;
    }

    private static List<Long> sequenceNumbers(EndToEnd.Stack stack, String aggregateId) throws SQLException {
        List<Long> numbers = new ArrayList<>();
        query(stack, "SELECT sequencenumber FROM events.domain_event_entry WHERE aggregateidentifier = '"
                + UUID.fromString(aggregateId) + "' ORDER BY sequencenumber", rows -> numbers.add(rows.getLong(1)));
        return numbers;
    }

    interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    static void query(EndToEnd.Stack stack, String sql, RowReader reader) throws SQLException {
        try (Connection connection = stack.database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
