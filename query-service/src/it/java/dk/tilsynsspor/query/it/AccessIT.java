package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route with every role, of the order's own authority and organisation and of others: the one allowed gets
 * past access control; one who may see the order or case but not do this gets 403; one who may not see it gets
 * exactly the 404 of an unknown id; nobody anonymous gets in. Refused commands change nothing.
 */
@ExtendWith(EndToEnd.class)
class AccessIT {

    /** Inspector and leader of the order, a professional on the case's team, and outsiders of every kind. */
    private static final List<String> USERS = List.of("inspector", "inspector2", "leader", "leader2", "paedagog",
            "ergoterapeut", "professional2");
    private static final Set<String> SEE_ORDER = Set.of("inspector", "leader");
    private static final Set<String> SEE_CASE = Set.of("inspector", "leader", "paedagog");

    private enum Kind { ORDER, CASE, NEW_ORDER, NEW_CASE, ORDER_READ, CASE_READ, OVERVIEW, LIST }

    private record Route(String method, String path, Kind kind, Set<String> allowed, Object body) {
    }

    @Test
    void everyRouteAnswersEveryRoleAsTheTableOfRolesSays(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-ACCESS-1");
        String order = "/api/orders/" + example.orderId;
        String requirement = order + "/requirements/" + example.restraintRequirement;
        String kase = "/api/cases/" + example.caseId;
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString();
        String appeal = WorkedExample.expect(201, stack.commands.post("leader", order + "/appeals", Map.of(
                "lodgedOn", today, "requirementIds", List.of(example.methodRequirement)))).body().get("id").asText();
        Map<String, Object> notice = new java.util.HashMap<>(newOrder());
        notice.remove("noticeWaivedReason");
        notice.put("reference", "ST-ACCESS-NOTICE");
        notice.put("responseDue", "2027-06-01");
        List<Route> routes = List.of(
                new Route("POST", "/api/orders/notices", Kind.NEW_ORDER, Set.of("inspector"), notice),
                new Route("POST", order + "/notice-response", Kind.ORDER, Set.of("leader"), Map.of("response", "r")),
                new Route("POST", order + "/notice-lapse", Kind.ORDER, Set.of("inspector"), Map.of("reason", "r")),
                new Route("POST", order + "/imposition", Kind.ORDER, Set.of("inspector"), Map.of(
                        "issuedOn", today, "requirements", newOrder().get("requirements"))),
                new Route("POST", order + "/appeals", Kind.ORDER, Set.of("leader", "inspector"), Map.of(
                        "lodgedOn", today)),
                new Route("POST", order + "/appeals/" + appeal + "/decision", Kind.ORDER, Set.of("inspector"),
                        Map.of("outcome", "UPHELD", "decidedOn", today, "reason", "r")),
                new Route("POST", "/api/orders", Kind.NEW_ORDER, Set.of("inspector"), newOrder()),
                new Route("POST", order + "/acknowledgement", Kind.ORDER, Set.of("leader"), Map.of()),
                new Route("POST", requirement + "/action-plans", Kind.ORDER, Set.of("leader"), Map.of(
                        "plannedChanges", "p", "responsibleLeader", "leader", "milestones", List.of())),
                new Route("POST", requirement + "/quality-goal", Kind.ORDER, Set.of("leader"), Map.of(
                        "indicator", "i", "unit", "u", "baseline", 6, "target", 2,
                        "direction", "LOWER_IS_BETTER")),
                new Route("POST", requirement + "/measurements", Kind.ORDER, Set.of("leader"), Map.of(
                        "value", 2, "measuredOn", "2027-03-31", "source", "s")),
                new Route("POST", requirement + "/verification", Kind.ORDER, Set.of("leader"), Map.of(
                        "goalMet", true, "conclusion", "c", "evidence", Map.of(
                                "insightIds", List.of(example.insightIds.get(0)),
                                "measurementIds", example.restraintMeasurements))),
                new Route("POST", requirement + "/deadline", Kind.ORDER, Set.of("inspector"), Map.of(
                        "newDeadline", "2027-12-31", "reason", "r")),
                new Route("POST", order + "/escalation", Kind.ORDER, Set.of("inspector"), Map.of("reason", "r",
                        "until", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).plusMonths(1)
                                .toString())),
                new Route("POST", order + "/compliance-report", Kind.ORDER, Set.of("leader"), Map.of("summary", "s")),
                new Route("POST", order + "/decision", Kind.ORDER, Set.of("inspector"), Map.of(
                        "decision", "REJECT", "reason", "r")),
                new Route("POST", "/api/cases", Kind.NEW_CASE, Set.of("leader"), Map.of(
                        "organisationId", "kk-handicap", "citizenRef", "borger-9", "orderId", example.orderId,
                        "requirementIds", List.of(example.restraintRequirement))),
                new Route("POST", kase + "/team", Kind.CASE, Set.of("leader"), Map.of("professionalId", "laege",
                        "name", "Lis Læge", "discipline", "læge", "sector", "region", "role", "tilsyn")),
                new Route("DELETE", kase + "/team/laege", Kind.CASE, Set.of("leader"), null),
                new Route("POST", kase + "/development-themes", Kind.CASE, Set.of("paedagog"), Map.of(
                        "professionalId", "paedagog", "theme", "t", "requirementId", example.restraintRequirement)),
                new Route("POST", kase + "/sessions", Kind.CASE, Set.of("leader", "paedagog"), Map.of(
                        "heldOn", "2027-01-05", "facilitator", "f", "participantIds", List.of("paedagog", "psykolog"),
                        "requirementIds", List.of(example.restraintRequirement))),
                new Route("POST", kase + "/sessions/" + example.sessionId + "/insights", Kind.CASE,
                        Set.of("paedagog"), Map.of("professionalId", "paedagog", "requirementId",
                        example.restraintRequirement, "insight", "i", "practiceChange", "p")),
                new Route("PUT", "/api/organisations/kk-handicap/contact", Kind.NEW_ORDER, Set.of("leader"),
                        Map.of("email", "ledelse@kk-handicap.example")),
                new Route("PUT", "/api/authorities/socialtilsyn-hovedstaden/contact", Kind.NEW_ORDER,
                        Set.of("inspector"), Map.of("email", "tilsyn@hovedstaden.example")),
                new Route("GET", "/api/orders", Kind.LIST, Set.copyOf(USERS), null),
                new Route("GET", "/api/notifications", Kind.LIST, Set.copyOf(USERS), null),
                new Route("GET", order + "/dossier", Kind.ORDER_READ, SEE_ORDER, null),
                new Route("GET", order + "/audit-trail", Kind.ORDER_READ, SEE_ORDER, null),
                new Route("GET", order + "/audit-trail/verification", Kind.ORDER_READ, SEE_ORDER, null),
                new Route("GET", order + "/audit-trail/export?format=csv", Kind.ORDER_READ, SEE_ORDER, null),
                new Route("GET", order + "/audit-trail/export?format=json", Kind.ORDER_READ, SEE_ORDER, null),
                new Route("GET", order + "/audit-trail/export?format=pdf", Kind.ORDER_READ, SEE_ORDER, null),
                new Route("GET", "/api/organisations/kk-handicap/overview", Kind.OVERVIEW, Set.of("leader"), null),
                new Route("GET", kase, Kind.CASE_READ, SEE_CASE, null),
                // last, as they end what the routes above work on
                new Route("POST", kase + "/closure", Kind.CASE, Set.of("leader"), Map.of()),
                new Route("POST", order + "/closure", Kind.ORDER, Set.of("inspector"), Map.of("outcome", "WITHDRAWN",
                        "reason", "r")),
                new Route("POST", kase + "/forget", Kind.CASE, Set.of("leader"), Map.of("reason", "r")));

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            boolean command = !route.method().equals("GET");
            Api api = command ? stack.commands : stack.queries;
            int anonymous = call(stack, api, null, route).statusCode();
            if (anonymous != 401) {
                wrong.add(route.method() + " " + route.path() + " anonymous: " + anonymous);
            }
            for (String user : USERS) {
                if (route.allowed().contains(user)) {
                    continue; // the allowed go last: their command may end what the others are refused
                }
                long before = CommandSideIT.eventTypes(stack, example.orderId).size()
                        + CommandSideIT.eventTypes(stack, example.caseId).size();
                int expected = refusal(route, user);
                int status = call(stack, api, user, route).statusCode();
                long after = CommandSideIT.eventTypes(stack, example.orderId).size()
                        + CommandSideIT.eventTypes(stack, example.caseId).size();
                if (status != expected || after != before) {
                    wrong.add(route.method() + " " + route.path() + " as " + user + ": " + status + " (expected "
                            + expected + ")" + (after != before ? ", and it changed something" : ""));
                }
            }
            for (String user : route.allowed()) {
                int status = call(stack, api, user, route).statusCode();
                if (status == 401 || status == 403 || status == 404) {
                    wrong.add(route.method() + " " + route.path() + " as " + user + " (allowed): " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Cross-sector teams (second round, part 4): a psychologist of regional psychiatry on a residential unit's case
     * reads and acts on that case, and sees nothing else of the unit's organisation: not its other cases, not its
     * orders.
     */
    @Test
    void aProfessionalOfAnotherOrganisationOnTheTeamWorksOnThatCaseAndSeesNothingElse(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-ACCESS-EXT");
        example.acknowledgeAndPlan();
        example.openCaseWithTeam();
        String external = "psykolog-region";
        String kase = "/api/cases/" + example.caseId;
        // what her own organisation's leaders saw of her before (other tests of this database may have put her on
        // the unit's teams too)
        String overview = "/api/organisations/region-h-psykiatri/overview";
        JsonNode before = partElsewhere(stack.queries.get("leader-region", overview).body(), external);
        WorkedExample.expect(404, stack.queries.get(external, kase));
        WorkedExample.expect(201, stack.commands.post("leader", kase + "/team", Map.of("professionalId", external,
                "name", "Rikke Regionspsykolog", "discipline", "psykolog", "sector", "regionspsykiatri",
                "role", "supervision", "homeOrganisationId", "region-h-psykiatri")));
        String other = WorkedExample.expect(201, stack.commands.post("leader", "/api/cases", Map.of(
                "organisationId", "kk-handicap", "citizenRef", "borger-anden", "orderId", example.orderId,
                "requirementIds", List.of(example.restraintRequirement)))).body().get("id").asText();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(
                () -> stack.queries.get(external, kase).status() == 200);
        JsonNode view = stack.queries.get(external, kase).body();
        assertThat(view.get("team").findValuesAsText("homeOrganisationId")).contains("region-h-psykiatri");
        WorkedExample.expect(201, stack.commands.post(external, kase + "/sessions", Map.of(
                "heldOn", "2026-12-01", "facilitator", external, "participantIds", List.of("paedagog", external),
                "requirementIds", List.of(example.restraintRequirement))));
        WorkedExample.expect(201, stack.commands.post(external, kase + "/development-themes", Map.of(
                "professionalId", external, "theme", "Uro om aftenen", "requirementId",
                example.restraintRequirement)));

        WorkedExample.expect(404, stack.queries.get(external, "/api/cases/" + other));
        WorkedExample.expect(404, stack.commands.post(external, "/api/cases/" + other + "/development-themes",
                Map.of("professionalId", external, "theme", "t", "requirementId", example.restraintRequirement)));
        assertThat(stack.queries.get(external, example.order("/dossier")).status()).isIn(403, 404);
        assertThat(stack.queries.get(external, "/api/orders").body().get("orders")).isEmpty();
        WorkedExample.expect(403, stack.commands.post(external, "/api/cases/" + example.caseId + "/team",
                Map.of("professionalId", "x", "name", "x", "discipline", "x", "sector", "x", "role", "x")));
        // the unit's own professional2 of another organisation, not on the team, sees nothing either
        WorkedExample.expect(404, stack.queries.get("professional2", kase));

        // the leaders of her home organisation see her part in the unit's cases, and nothing of the cases
        int casesBefore = before == null ? 0 : before.get("cases").asInt();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
            JsonNode part = partElsewhere(stack.queries.get("leader-region", overview).body(), external);
            return part != null && part.get("cases").asInt() == casesBefore + 1;
        });
        Api.Response home = stack.queries.get("leader-region", overview);
        JsonNode part = partElsewhere(home.body(), external);
        assertThat(part.get("name").asText()).isEqualTo("Rikke Regionspsykolog");
        assertThat(part.get("sessionsAttended").asInt())
                .isEqualTo((before == null ? 0 : before.get("sessionsAttended").asInt()) + 1);
        assertThat(part.get("insightsRecorded").asInt())
                .isEqualTo(before == null ? 0 : before.get("insightsRecorded").asInt());
        assertThat(part.get("lastSessionOn").asText()).isGreaterThanOrEqualTo("2026-12-01");
        assertThat(home.body().toString()).as("neither the case nor its citizen is named to another organisation")
                .doesNotContain(example.caseId, "borger-", example.orderId);
        assertThat(stack.queries.get("leader", "/api/organisations/kk-handicap/overview").body()
                .get("professionalsElsewhere")).as("the host's own overview counts her with its own").isEmpty();
        WorkedExample.expect(403, stack.queries.get("leader-region", "/api/organisations/kk-handicap/overview"));

        // once the unit closes the case, her part in it leaves her organisation's overview, as closed cases leave
        // the rest of an overview
        WorkedExample.expect(200, stack.commands.post("leader", kase + "/closure", Map.of()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
            JsonNode after = partElsewhere(stack.queries.get("leader-region", overview).body(), external);
            return casesBefore == 0 ? after == null : after != null && after.get("cases").asInt() == casesBefore;
        });
    }

    /** The overview's row of {@code professionalId} on kk-handicap's cases, or null if it has none. */
    private static JsonNode partElsewhere(JsonNode overview, String professionalId) {
        for (JsonNode part : overview.get("professionalsElsewhere")) {
            if (part.get("professionalId").asText().equals(professionalId)
                    && part.get("caseOrganisationId").asText().equals("kk-handicap")) {
                return part;
            }
        }
        return null;
    }

    @Test
    void anotherTenantsOrderIsAnsweredExactlyAsAnUnknownOneAndNeverListed(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-ACCESS-2");
        String unknown = "/api/orders/" + UUID.randomUUID();
        for (String path : List.of("/dossier", "/audit-trail", "/audit-trail/verification")) {
            JsonNode hidden = stack.queries.get("inspector2", example.order(path)).body();
            JsonNode missing = stack.queries.get("inspector", unknown + path).body();
            assertThat(hidden.get("status").asInt()).isEqualTo(404);
            assertThat(hidden.get("detail").asText().replace(example.orderId, "?"))
                    .isEqualTo(missing.get("detail").asText().replace(unknown.substring(12), "?"));
        }
        JsonNode hidden = stack.commands.post("leader2", example.order("/acknowledgement"), Map.of()).body();
        JsonNode missing = stack.commands.post("leader", unknown + "/acknowledgement", Map.of()).body();
        assertThat(hidden.get("status").asInt()).isEqualTo(404);
        assertThat(hidden.get("detail").asText().replace(example.orderId, "?"))
                .isEqualTo(missing.get("detail").asText().replace(unknown.substring(12), "?"));

        for (String user : List.of("inspector2", "leader2", "paedagog", "professional2")) {
            for (String filter : List.of("", "?organisationId=kk-handicap", "?status=IMPOSED")) {
                assertThat(stack.queries.get(user, "/api/orders" + filter).body().get("orders")
                        .findValuesAsText("orderId")).doesNotContain(example.orderId);
            }
        }
        assertThat(stack.queries.get("leader", "/api/orders?organisationId=kk-handicap").body().get("orders")
                .findValuesAsText("orderId")).contains(example.orderId);
    }

    /** What someone not allowed gets: 403 if they may see the order or case (or the route is not about one). */
    private static int refusal(Route route, String user) {
        return switch (route.kind()) {
            case ORDER -> SEE_ORDER.contains(user) ? 403 : 404;
            case CASE, CASE_READ -> SEE_CASE.contains(user) ? 403 : 404;
            case ORDER_READ -> user.equals("paedagog") || user.equals("ergoterapeut") || user.equals("professional2")
                    ? 403 : 404;
            case NEW_ORDER, NEW_CASE, OVERVIEW, LIST -> 403;
        };
    }

    private static HttpResponse<String> call(EndToEnd.Stack stack, Api api, String user, Route route)
            throws Exception {
        return api.raw(user, route.method(), route.path(), route.body());
    }

    private static Map<String, Object> newOrder() {
        return Map.of("authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap",
                "reference", "ST-ACCESS-NEW", "legalBasis", "§ 8", "issuedOn", "2026-11-01", "summary", "s",
                "noticeWaivedReason", "akut",
                "requirements", List.of(Map.of("title", "t", "requiredChange", "c", "qualityTheme", "KOMPETENCER",
                        "deadline", "2027-06-01")));
    }
}
