package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dk.tilsynsspor.query.it.CommandSideIT.eventTypes;
import static dk.tilsynsspor.query.it.WorkedExample.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once per {@code Idempotency-Key} across instances and their death (ADR 18): a retry with the key gets the
 * first answer, its ids and status, from any instance and however the first attempt ended, and never a second event.
 */
@ExtendWith(EndToEnd.class)
class ExactlyOnceIT {

    @Test
    void aRetryWhoseFirstAnswerWasLostGetsTheFirstAnswerFromTheOtherInstance(EndToEnd.Stack stack)
            throws SQLException {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-ONCE-LOST");
        example.acknowledgeAndPlan();
        String measurementPath = example.requirement(example.restraintRequirement, "/measurements");
        Map<String, Object> measurement = Map.of("value", 3, "measuredOn", "2026-12-31", "source", "lost answer");
        Map<String, Object> plan = Map.of("plannedChanges", "tredje udgave", "responsibleLeader", "leader",
                "milestones", List.of());
        Map<String, Object> kase = Map.of("organisationId", "kk-handicap", "citizenRef", "borger-lost",
                "orderId", example.orderId, "requirementIds", List.of(example.methodRequirement));
        Map<String, String> measurementKey = Map.of("Idempotency-Key", "lost-measurement");
        Map<String, String> planKey = Map.of("Idempotency-Key", "lost-plan");
        Map<String, String> caseKey = Map.of("Idempotency-Key", "lost-case");

        Api.Response measured = expect(201, stack.commands.post("leader", measurementPath, measurement,
                measurementKey));
        Api.Response planned = expect(201, stack.commands.post("leader",
                example.requirement(example.restraintRequirement, "/action-plans"), plan, planKey));
        Api.Response opened = expect(201, stack.commands.post("leader", "/api/cases", kase, caseKey));
        // the instance that applied them died before it stored their answers
        stack.database.run("DELETE FROM command.idempotent_request");

        ServiceProcess second = stack.anotherCommandService();
        second.start();
        try {
            Api other = new Api(second.baseUrl(), stack.tokens);
            Api.Response measuredAgain = other.post("leader", measurementPath, measurement, measurementKey);
            Api.Response plannedAgain = other.post("leader",
                    example.requirement(example.restraintRequirement, "/action-plans"), plan, planKey);
            Api.Response openedAgain = other.post("leader", "/api/cases", kase, caseKey);

            assertThat(measuredAgain.status()).as("%s", measuredAgain.body()).isEqualTo(201);
            assertThat(measuredAgain.body()).isEqualTo(measured.body());
            assertThat(plannedAgain.status()).isEqualTo(201);
            assertThat(plannedAgain.body()).isEqualTo(planned.body()); // version 2, not 3
            assertThat(plannedAgain.body().get("version").asInt()).isEqualTo(2);
            assertThat(openedAgain.status()).as("%s", openedAgain.body()).isEqualTo(201);
            assertThat(openedAgain.body()).isEqualTo(opened.body());
            assertThat(eventTypes(stack, example.orderId)).containsOnlyOnce("QualityMeasurementRecorded")
                    .filteredOn("ActionPlanSubmitted"::equals).hasSize(3);
            assertThat(eventTypes(stack, opened.body().get("id").asText()))
                    .containsOnlyOnce("CitizenCaseOpened");

            // a key is the actor's and the request's: another body under it, once refused, is a new command
            Api.Response refused = other.post("leader", measurementPath, Map.of("value", 3,
                    "measuredOn", "2026-12-30", "source", " "), Map.of("Idempotency-Key", "corrected"));
            assertThat(refused.status()).isIn(400, 422);
            Api.Response corrected = expect(201, other.post("leader", measurementPath, Map.of("value", 3,
                    "measuredOn", "2026-12-30", "source", "corrected"), Map.of("Idempotency-Key", "corrected")));
            assertThat(corrected.body().get("id")).isNotEqualTo(measured.body().get("id"));
        } finally {
            second.stop();
        }
    }

    @Test
    void theSameKeySentToTwoInstancesAtOnceIsAppliedOnce(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-ONCE-RACE");
        example.acknowledgeAndPlan();
        ServiceProcess second = stack.anotherCommandService();
        second.start();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Api> instances = List.of(stack.commands, new Api(second.baseUrl(), stack.tokens));
            Map<String, Object> kase = Map.of("organisationId", "kk-handicap", "citizenRef", "borger-race",
                    "orderId", example.orderId, "requirementIds", List.of(example.methodRequirement));
            Map<String, Object> measurement = Map.of("value", 2, "measuredOn", "2026-12-31", "source", "race");
            List<Future<Api.Response>> openings = new ArrayList<>();
            List<Future<Api.Response>> measurements = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Api instance = instances.get(i % 2);
                openings.add(clients.submit(() -> instance.post("leader", "/api/cases", kase,
                        Map.of("Idempotency-Key", "race-case"))));
                measurements.add(clients.submit(() -> instance.post("leader",
                        example.requirement(example.restraintRequirement, "/measurements"), measurement,
                        Map.of("Idempotency-Key", "race-measurement"))));
            }

            JsonNode caseAnswer = sameAnswer(openings);
            JsonNode measurementAnswer = sameAnswer(measurements);
            assertThat(eventTypes(stack, caseAnswer.get("id").asText())).containsOnlyOnce("CitizenCaseOpened");
            assertThat(measurementsWithSource(stack, example.orderId, "race")).containsExactly(measurementAnswer.get("id").asText());
        } finally {
            clients.shutdownNow();
            second.stop();
        }
    }

    /**
     * Keyed measurements in flight on an instance that is killed; the clients retry every one, with the same keys, on
     * the instance left. Every key is stored once, and each retry's answer names it. Whether the kill falls between a
     * commit and its stored answer is luck here; the first test makes that window happen every time.
     */
    @Test
    void anInstanceKilledMidLoadLosesNothingAndStoresNothingTwice(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-ONCE-KILL");
        example.acknowledgeAndPlan();
        String path = example.requirement(example.restraintRequirement, "/measurements");
        ServiceProcess doomed = stack.anotherCommandService();
        doomed.start();
        Api onDoomed = new Api(doomed.baseUrl(), stack.tokens);
        int count = 48;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> firstTries = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Map<String, Object> measurement = measurementNumber(i);
                String key = "kill-" + i;
                firstTries.add(clients.submit(answerOrNull(() -> onDoomed.post("leader", path, measurement,
                        Map.of("Idempotency-Key", key)))));
            }
            // kill it while the load is on: after some answers, before all
            while (firstTries.stream().filter(Future::isDone).count() < 8) {
                Thread.sleep(5);
            }
            doomed.kill();
            for (int i = 0; i < count; i++) {
                Api.Response first = firstTries.get(i).get();
                Api.Response retried = stack.commands.post("leader", path, measurementNumber(i),
                        Map.of("Idempotency-Key", "kill-" + i));
                assertThat(retried.status()).as("key kill-%s: %s", i, retried.body()).isEqualTo(201);
                if (first != null && first.status() == 201) {
                    assertThat(retried.body()).isEqualTo(first.body());
                }
                assertThat(measurementsWithSource(stack, example.orderId, "kill " + i))
                        .containsExactly(retried.body().get("id").asText());
            }
        } finally {
            clients.shutdownNow();
            doomed.kill();
        }
        assertThat(firstTries.stream().filter(f -> answered(f) != null).count())
                .as("the kill came while requests were in flight").isLessThan(count);
    }

    private static Map<String, Object> measurementNumber(int i) {
        return Map.of("value", i % 7, "measuredOn", "2026-12-31", "source", "kill " + i);
    }

    /** A request to an instance that dies may get no answer at all: that is null, and the client retries. */
    private static Callable<Api.Response> answerOrNull(Callable<Api.Response> request) {
        return () -> {
            try {
                return request.call();
            } catch (UncheckedIOException noAnswer) {
                return null;
            }
        };
    }

    private static Api.Response answered(Future<Api.Response> answer) {
        try {
            Api.Response response = answer.get();
            return response != null && response.status() == 201 ? response : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sameAnswer(List<Future<Api.Response>> answers) throws Exception {
        JsonNode first = null;
        for (Future<Api.Response> future : answers) {
            Api.Response answer = future.get();
            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
            if (first == null) {
                first = answer.body();
            }
            assertThat(answer.body()).isEqualTo(first);
        }
        return first;
    }

    /** The ids of the order's measurements stored with this source, as the store's events say. */
    private static List<String> measurementsWithSource(EndToEnd.Stack stack, String orderId, String source) {
        return stack.payloads(orderId, "QualityMeasurementRecorded").stream()
                .filter(payload -> source.equals(payload.path("source").asText()))
                .map(payload -> payload.path("measurementId").asText()).toList();
    }
}
