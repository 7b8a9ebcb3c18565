package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dk.tilsynsspor.query.it.WorkedExample.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publication of an order while it stands, and taken down after it ends. The dialogue of a requirement's follow-up
 * end to end (domain, second round, part 1): the inspector reviews an
 * action plan as needing changes, the leader submits version 2, which is approved; both comment; the leader asks for
 * a later deadline, which is refused, asks again, and is granted. The dossier shows all of it per requirement, and a
 * refusal of an answered request is refused in Danish.
 */
@ExtendWith(EndToEnd.class)
class RequirementDialogueIT {

    @Test
    void reviewsCommentsAndAnExtensionRequestRefusedThenGranted(EndToEnd.Stack stack) throws IOException {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-DIALOG-1");
        example.acknowledgeAndPlan();
        String restraint = example.restraintRequirement;

        expect(200, stack.commands.post("inspector", example.requirement(restraint, "/action-plans/1/review"),
                Map.of("verdict", "NEEDS_CHANGES", "remarks", "Milepælene mangler datoer for opfølgning")));
        expect(201, stack.commands.post("leader", example.requirement(restraint, "/action-plans"), Map.of(
                "plannedChanges", "Low arousal-kursus og månedlig opfølgning", "responsibleLeader", "Lene Leder",
                "milestones", List.of(Map.of("description", "Opfølgning", "dueOn", "2027-01-15")))));
        expect(200, stack.commands.post("inspector", example.requirement(restraint, "/action-plans/2/review"),
                Map.of("verdict", "APPROVED")));
        expect(409, stack.commands.post("inspector", example.requirement(restraint, "/action-plans/2/review"),
                Map.of("verdict", "APPROVED")));

        expect(201, stack.commands.post("inspector", example.requirement(restraint, "/comments"),
                Map.of("text", "Hvordan registreres magtanvendelserne?")));
        expect(201, stack.commands.post("leader", example.requirement(restraint, "/comments"),
                Map.of("text", "I det fælles registreringssystem, månedligt 👍 (数据)")));
        expect(404, stack.commands.post("leader2", example.requirement(restraint, "/comments"),
                Map.of("text", "ikke min sag")));

        String first = expect(201, stack.commands.post("leader", example.requirement(restraint,
                "/extension-requests"), Map.of("proposedDeadline", "2027-06-01", "reason", "Kurset er flyttet")))
                .body().get("id").asText();
        expect(409, stack.commands.post("leader", example.requirement(restraint, "/extension-requests"),
                Map.of("proposedDeadline", "2027-07-01", "reason", "Endnu senere")));
        expect(200, stack.commands.post("inspector", example.requirement(restraint, "/extension-requests/" + first
                + "/refusal"), Map.of("reason", "Fristen er rimelig")));
        Api.Response answered = stack.commands.post("inspector", example.requirement(restraint,
                "/extension-requests/" + first + "/refusal"), Map.of("reason", "igen"),
                Map.of("Accept-Language", "da"));
        assertThat(answered.status()).isEqualTo(409);
        assertThat(answered.body().get("title").asText()).isEqualTo("Anmodningen er besvaret");
        String second = expect(201, stack.commands.post("leader", example.requirement(restraint,
                "/extension-requests"), Map.of("proposedDeadline", "2027-06-01", "reason", "Underviseren er syg")))
                .body().get("id").asText();
        expect(200, stack.commands.post("inspector", example.requirement(restraint, "/deadline"), Map.of(
                "newDeadline", "2027-05-15", "reason", "Bevilget til midten af maj", "requestId", second)));

        JsonNode requirement = await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("leader",
                        example.order("/dossier")).body().get("requirements").get(1),
                candidate -> candidate.get("extensionRequests").size() == 2
                        && candidate.get("extensionRequests").get(1).get("status").asText().equals("GRANTED"));
        assertThat(requirement.get("deadline").asText()).isEqualTo("2027-05-15");
        JsonNode plans = requirement.get("actionPlans");
        assertThat(plans.get(0).at("/review/verdict").asText()).isEqualTo("NEEDS_CHANGES");
        assertThat(plans.get(0).at("/review/remarks").asText()).contains("Milepælene");
        assertThat(plans.get(0).at("/review/reviewedBy").asText()).isEqualTo("inspector");
        assertThat(plans.get(1).at("/review/verdict").asText()).isEqualTo("APPROVED");
        JsonNode comments = requirement.get("comments");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("commentedByRole").asText()).isEqualTo("INSPECTOR");
        assertThat(comments.get(1).get("text").asText())
                .isEqualTo("I det fælles registreringssystem, månedligt 👍 (数据)");
        JsonNode requests = requirement.get("extensionRequests");
        assertThat(requests.get(0).get("status").asText()).isEqualTo("REFUSED");
        assertThat(requests.get(0).get("answer").asText()).isEqualTo("Fristen er rimelig");
        assertThat(requests.get(1).get("grantedDeadline").asText()).isEqualTo("2027-05-15");
        assertThat(requirement.at("/deadlineExtensions/0/requestId").asText()).isEqualTo(second);

        List<String> events = stack.queries.get("inspector", example.order("/audit-trail")).body().findValuesAsText(
                "eventType");
        assertThat(events).contains("ActionPlanReviewed", "RequirementCommented", "DeadlineExtensionRequested",
                "DeadlineExtensionRefused", "RequirementDeadlineExtended");

        // the PDF's fonts have no emoji or Chinese: written as code points and said so, not left out
        assertThat(PdfPages.ofOrder(stack, example).replaceAll("\\s+", " "))
                .contains("Hvordan registreres magtanvendelserne?",
                "månedligt [U+1F44D] ([U+6570][U+636E])", "3 tegn, som PDF'ens skrifttyper ikke har");
    }

    @Test
    void anOrderIsPublishedWhileItStandsAndTakenDownAfterItEnds(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-OFFENTLIG-1");
        Api.Response refused = stack.commands.post("inspector", example.order("/publications"),
                Map.of("place", "TILBUDSPORTALEN", "url", "ftp://example.org/x"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("field").asText()).isEqualTo("url");
        expect(403, stack.commands.post("leader", example.order("/publications"),
                Map.of("place", "TILBUDSPORTALEN", "url", "https://tilbudsportalen.dk/paabud/1")));
        String publication = expect(201, stack.commands.post("inspector", example.order("/publications"),
                Map.of("place", "TILBUDSPORTALEN", "url", "https://tilbudsportalen.dk/paabud/1")))
                .body().get("id").asText();
        Api.Response closed = expect(200, stack.commands.post("inspector", example.order("/closure"),
                Map.of("outcome", "WITHDRAWN", "reason", "Trukket tilbage efter ny oplysning")));
        assertThat(closed.body().get("outcome").asText()).as("the answer states the outcome").isEqualTo("WITHDRAWN");
        expect(409, stack.commands.post("inspector", example.order("/publications"),
                Map.of("place", "STPS", "url", "https://stps.dk/paabud/1")));

        JsonNode published = await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector",
                example.order("/dossier")).body(), dossier -> dossier.get("status").asText().equals("CLOSED"));
        assertThat(published.at("/publications/0/place").asText()).isEqualTo("TILBUDSPORTALEN");
        assertThat(published.at("/publications/0/withdrawnAt").isNull()).as("still up").isTrue();
        assertThat(published.at("/closure/outcome").asText()).isEqualTo("WITHDRAWN");

        expect(200, stack.commands.post("inspector", example.order("/publications/" + publication + "/withdrawal"),
                Map.of("reason", "Påbuddet er afsluttet")));
        expect(409, stack.commands.post("inspector", example.order("/publications/" + publication + "/withdrawal"),
                Map.of("reason", "igen")));
        JsonNode withdrawn = await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector",
                example.order("/dossier")).body(), dossier -> !dossier.at("/publications/0/withdrawnAt").isNull());
        assertThat(withdrawn.at("/publications/0/withdrawalReason").asText()).isEqualTo("Påbuddet er afsluttet");
    }

    /** Agreed practice changes followed up in daily work (second round, part 4), counted per requirement. */
    @Test
    void practiceChangesFollowedUpAndAdoptedAreCountedPerRequirement(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-PRAKSIS-1");
        example.acknowledgeAndPlan();
        example.openCaseWithTeam();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
        String kase = "/api/cases/" + example.caseId;
        String session = expect(201, stack.commands.post("paedagog", kase + "/sessions", Map.of(
                "heldOn", today.minusDays(14).toString(), "facilitator", "leader",
                "participantIds", List.of("paedagog", "psykolog"),
                "requirementIds", List.of(example.restraintRequirement)))).body().get("id").asText();
        String adopted = expect(201, stack.commands.post("paedagog", kase + "/sessions/" + session + "/insights",
                Map.of("professionalId", "paedagog", "requirementId", example.restraintRequirement,
                        "insight", "Uro ved aftensmaden", "practiceChange", "Faste pladser ved aftensmaden")))
                .body().get("id").asText();
        String notYet = expect(201, stack.commands.post("psykolog", kase + "/sessions/" + session + "/insights",
                Map.of("professionalId", "psykolog", "requirementId", example.restraintRequirement,
                        "insight", "Optrapning opdages sent", "practiceChange", "Fælles tegn for tidlig uro")))
                .body().get("id").asText();

        expect(200, stack.commands.post("paedagog", kase + "/sessions/" + session + "/insights/" + adopted
                + "/follow-up", Map.of("adopted", true, "adoptedOn", today.minusDays(3).toString(),
                "note", "Fast del af aftenrutinen")));
        expect(422, stack.commands.post("psykolog", kase + "/sessions/" + session + "/insights/" + notYet
                + "/follow-up", Map.of("adopted", false)));
        expect(200, stack.commands.post("psykolog", kase + "/sessions/" + session + "/insights/" + notYet
                + "/follow-up", Map.of("adopted", false, "note", "Tegnet er ikke aftalt med nattevagten endnu")));
        expect(404, stack.commands.post("professional2", kase + "/sessions/" + session + "/insights/" + notYet
                + "/follow-up", Map.of("adopted", true, "adoptedOn", today.toString())));

        JsonNode requirement = await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector",
                        example.order("/dossier")).body().get("requirements").get(1),
                candidate -> candidate.at("/practiceChanges/followedUp").asInt() == 2);
        assertThat(requirement.at("/practiceChanges/agreed").asInt()).isEqualTo(2);
        assertThat(requirement.at("/practiceChanges/adopted").asInt()).isEqualTo(1);
        JsonNode view = stack.queries.get("paedagog", kase).body();
        assertThat(view.findValuesAsText("adoptedOn")).contains(today.minusDays(3).toString());
    }
}
