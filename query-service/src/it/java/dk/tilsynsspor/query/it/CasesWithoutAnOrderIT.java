package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dk.tilsynsspor.query.it.WorkedExample.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Professional development that goes on (second round, part 4): a case opened without an order, a team from two
 * organisations acting on it, progress assessed, the case linked to an order's requirements later (its history then
 * in the order's trail and dossier) and unlinked again; a case never linked is forgotten at once; a case that goes on
 * after its order was closed stays in the leader's overview until it is closed itself.
 */
@ExtendWith(EndToEnd.class)
class CasesWithoutAnOrderIT {

    private static final String EXTERNAL = "psykolog-region";

    @Test
    void aCaseOpenedWithoutAnOrderIsLinkedLaterAndItsHistoryJoinsTheOrdersTrail(EndToEnd.Stack stack) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        String caseId = expect(201, stack.commands.post("leader", "/api/cases", Map.of(
                "organisationId", "kk-handicap", "citizenRef", "borger-uden-paabud"))).body().get("id").asText();
        String kase = "/api/cases/" + caseId;
        expect(422, stack.commands.post("leader", "/api/cases", Map.of("organisationId", "kk-handicap",
                "citizenRef", "borger-x", "requirementIds", List.of(java.util.UUID.randomUUID()))));
        expect(201, stack.commands.post("leader", kase + "/team", Map.of("professionalId", "paedagog",
                "name", "Pia Pædagog", "discipline", "pædagog", "sector", "bosted", "role", "kontaktperson")));
        expect(201, stack.commands.post("leader", kase + "/team", Map.of("professionalId", EXTERNAL,
                "name", "Rikke Regionspsykolog", "discipline", "psykolog", "sector", "regionspsykiatri",
                "role", "supervision", "homeOrganisationId", "region-h-psykiatri")));

        // the team works with no order: a session and an insight serving no requirement, progress assessed
        String session = expect(201, stack.commands.post("paedagog", kase + "/sessions", Map.of("heldOn",
                today.minusDays(3).toString(), "facilitator", "leader", "participantIds",
                List.of("paedagog", EXTERNAL)))).body().get("id").asText();
        expect(201, stack.commands.post(EXTERNAL, kase + "/sessions/" + session + "/insights", Map.of(
                "professionalId", EXTERNAL, "insight", "Uro når aftenvagten skifter",
                "practiceChange", "Overlap mellem vagterne ved aftensmaden")));
        expect(201, stack.commands.post(EXTERNAL, kase + "/progress-assessments", Map.of("assessedOn",
                today.minusDays(2).toString(), "scores", List.of(Map.of("dimension", "Trivsel", "score", 4)))));
        JsonNode view = await().atMost(Duration.ofSeconds(10)).until(() -> stack.queries.get(EXTERNAL, kase).body(),
                v -> v.path("assessments").size() == 1);
        assertThat(view.get("orderId").isNull()).isTrue();
        assertThat(view.at("/sessions/0/insights/0/insight").asText()).isEqualTo("Uro når aftenvagten skifter");
        assertThat(stack.queries.get("inspector", kase).status()).as("no order: no inspector").isEqualTo(404);
        assertThat(stack.queries.get("leader2", kase).status()).isEqualTo(404);

        // linked later to an order's requirement: the order's trail and dossier show the case and its history
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-LINK-1");
        example.acknowledgeAndPlan();
        String links = kase + "/requirement-links";
        assertThat(stack.commands.post("paedagog", links, Map.of("orderId", example.orderId,
                "requirementIds", List.of(example.restraintRequirement))).status()).isEqualTo(403);
        expect(200, stack.commands.post("leader", links, Map.of("orderId", example.orderId,
                "requirementIds", List.of(example.restraintRequirement))));
        Api.Response again = stack.commands.post("leader", links, Map.of("orderId", example.orderId,
                "requirementIds", List.of(example.restraintRequirement)));
        assertThat(again.status()).isEqualTo(409);
        JsonNode dossier = await().atMost(Duration.ofSeconds(10)).until(
                () -> stack.queries.get("inspector", example.order("/dossier")).body(),
                d -> d.path("cases").size() == 1);
        assertThat(dossier.at("/cases/0/caseId").asText()).isEqualTo(caseId);
        assertThat(dossier.at("/cases/0/requirementIds/0").asText()).isEqualTo(example.restraintRequirement);
        JsonNode trail = stack.queries.get("inspector", example.order("/audit-trail")).body().get("entries");
        assertThat(trail.findValuesAsText("eventType")).contains("CitizenCaseOpened", "LearningSessionHeld",
                "CitizenProgressAssessed", "CaseLinkedToRequirements");
        assertThat(stack.queries.get("inspector", kase).status()).as("now the order's authority sees it")
                .isEqualTo(200);
        JsonNode verification = stack.queries.get("inspector", example.order("/audit-trail/verification")).body();
        assertThat(verification.get("intact").asBoolean()).as("%s", verification).isTrue();

        // linked: what the team records serves a linked requirement, named
        String linkedSession = expect(201, stack.commands.post("paedagog", kase + "/sessions", Map.of("heldOn",
                today.minusDays(1).toString(), "facilitator", "leader", "participantIds",
                List.of("paedagog", EXTERNAL), "requirementIds", List.of(example.restraintRequirement))))
                .body().get("id").asText();
        Api.Response unnamed = stack.commands.post(EXTERNAL, kase + "/sessions/" + linkedSession + "/insights",
                Map.of("professionalId", EXTERNAL, "insight", "x", "practiceChange", "y"));
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(unnamed.body().get("type").asText()).endsWith(":requirement-missing");
        expect(201, stack.commands.post(EXTERNAL, kase + "/sessions/" + linkedSession + "/insights", Map.of(
                "professionalId", EXTERNAL, "requirementId", example.restraintRequirement,
                "insight", "Overlappet virker", "practiceChange", "Overlap fast i vagtplanen")));
        JsonNode requirement = await().atMost(Duration.ofSeconds(10)).until(
                () -> stack.queries.get("leader", example.order("/dossier")).body().at("/requirements/1"),
                r -> r.path("insights").size() == 1);
        assertThat(requirement.at("/insights/0/insight").asText()).isEqualTo("Overlappet virker");

        // unlinked: the case serves no order again; what it did for the order stays in the order's dossier
        expect(200, stack.commands.post("leader", links + "/removal", Map.of("orderId", example.orderId,
                "requirementIds", List.of(example.restraintRequirement))));
        JsonNode unlinked = await().atMost(Duration.ofSeconds(10)).until(() -> stack.queries.get("leader", kase)
                .body(), v -> v.get("orderId").isNull());
        assertThat(unlinked.get("requirementIds")).isEmpty();
        assertThat(stack.queries.get("leader", example.order("/dossier")).body().at("/requirements/1/insights"))
                .hasSize(1);
        expect(201, stack.commands.post("paedagog", kase + "/sessions", Map.of("heldOn", today.toString(),
                "facilitator", "leader", "participantIds", List.of("paedagog", EXTERNAL))));
        JsonNode cadence = await().atMost(Duration.ofSeconds(10)).until(() -> stack.queries.get("leader",
                "/api/organisations/kk-handicap/overview").body().get("cadence"), c -> c.toString().contains(caseId));
        assertThat(cadence.toString()).as("the overview counts a case without an order too").contains(caseId);
        Api.Response held = stack.commands.post("leader", kase + "/forget", Map.of("reason", "Borgeren er flyttet"));
        assertThat(held.status()).as("the order it served is open: legal hold").isEqualTo(409);
    }

    @Test
    void aCaseThatGoesOnAfterItsOrderWasClosedStaysInTheLeadersOverviewUntilItIsClosed(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.learned(stack.commands, "ST-GOES-ON-1");
        String overview = "/api/organisations/kk-handicap/overview";
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.queries.get("leader", overview).body()
                .get("cadence").toString().contains(example.caseId));

        expect(200, stack.commands.post("inspector", example.order("/closure"), Map.of("outcome", "WITHDRAWN",
                "reason", "Tilbuddet har lagt praksis om; påbuddet trækkes tilbage")));
        JsonNode after = await().atMost(Duration.ofSeconds(10)).until(() -> stack.queries.get("leader", overview)
                .body(), o -> !o.get("openOrders").toString().contains(example.orderId));
        assertThat(after.get("cadence").toString()).as("the case goes on after its order: its cadence is followed")
                .contains(example.caseId);
        JsonNode team = StreamSupport.stream(after.get("teams").spliterator(), false)
                .filter(t -> t.get("caseId").asText().equals(example.caseId)).findFirst().orElseThrow(
                        () -> new AssertionError("the case's team is in the overview's teams: " + after.get("teams")));
        assertThat(team.get("orderId").isNull()).as("it serves no open order").isTrue();
        assertThat(team.get("team").toString()).as("its team goes on with it").contains("paedagog");

        expect(200, stack.commands.post("leader", "/api/cases/" + example.caseId + "/closure", Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> !stack.queries.get("leader", overview).body()
                .get("cadence").toString().contains(example.caseId));
    }

    @Test
    void aCaseThatNeverServedAnOrderIsForgottenAtOnceWithItsAssessments(EndToEnd.Stack stack) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        String caseId = expect(201, stack.commands.post("leader", "/api/cases", Map.of(
                "organisationId", "kk-handicap", "citizenRef", "borger-kort-forloeb"))).body().get("id").asText();
        String kase = "/api/cases/" + caseId;
        expect(201, stack.commands.post("leader", kase + "/progress-assessments", Map.of("assessedOn",
                today.toString(), "scores", List.of(Map.of("dimension", "Trivsel", "score", 6)),
                "note", "Glad for den nye rutine")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.queries.get("leader", kase).body()
                .path("assessments").size() == 1);
        expect(200, stack.commands.post("leader", kase + "/forget", Map.of("reason", "Forløbet er slut")));
        JsonNode forgotten = await().atMost(Duration.ofSeconds(10)).until(() -> stack.queries.get("leader", kase)
                .body(), v -> v.get("citizenRef").asText().equals("[erased]"));
        assertThat(forgotten.at("/assessments/0/scores")).isEmpty();
        assertThat(forgotten.at("/assessments/0/note").asText()).isEqualTo("[erased]");
    }
}
