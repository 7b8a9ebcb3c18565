package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dk.tilsynsspor.query.it.CommandSideIT.assertProblem;
import static dk.tilsynsspor.query.it.WorkedExample.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order as the law runs it, end to end (domain, second round, part 1): a notice (partshøring) answered and then
 * imposed with a reworded requirement; a notice that lapses; requirements reported, accepted and rejected one by one,
 * the others going on meanwhile; every step as the dossier, the order list and the trail show it.
 */
@ExtendWith(EndToEnd.class)
class NoticeAndDecisionsIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    /** A requirement as an inspector drafts it (also for other tests that give a notice). */
    static Map<String, Object> draft(String id, String title, String theme, LocalDate deadline) {
        return Map.of("id", id, "title", title, "requiredChange", "the practice changes as " + title,
                "qualityTheme", theme, "deadline", deadline.toString());
    }

    /** A notice to kk-handicap from socialtilsyn-hovedstaden, answer due in 14 days. */
    static Map<String, Object> notice(String reference, List<Map<String, Object>> drafts) {
        return Map.of("authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap",
                "reference", reference, "legalBasis", "Lov om socialtilsyn § 8", "issuedOn", TODAY.toString(),
                "summary", "Varsel om påbud", "requirements", drafts,
                "responseDue", TODAY.plusDays(14).toString());
    }

    private static JsonNode dossierWhen(EndToEnd.Stack stack, String user, String orderId,
                                        Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> stack.queries.get(user, "/api/orders/" + orderId + "/dossier").body(), condition);
    }

    @Test
    void aNoticeIsAnsweredAndThenImposedWithARequirementReworded(EndToEnd.Stack stack) {
        String first = "00000000-0000-4000-8000-00000000a001";
        String second = "00000000-0000-4000-8000-00000000a002";
        List<Map<String, Object>> drafts = List.of(
                draft(first, "Pædagogisk metode", "MAALGRUPPE_METODER_OG_RESULTATER", TODAY.plusMonths(3)),
                draft(second, "Magtanvendelse", "KOMPETENCER", TODAY.plusMonths(6)));
        JsonNode given = expect(201, stack.commands.post("inspector", "/api/orders/notices",
                notice("ST-VARSEL-1", drafts))).body();
        String orderId = given.get("id").asText();
        assertThat(given.get("requirementIds").get(1).asText()).isEqualTo(second);

        JsonNode inNotice = dossierWhen(stack, "leader", orderId, d -> d.has("status"));
        assertThat(inNotice.get("status").asText()).isEqualTo("NOTICE");
        assertThat(inNotice.get("requirements").findValuesAsText("status")).containsOnly("NOTICE");
        assertThat(inNotice.at("/notice/responseDue").asText()).isEqualTo(TODAY.plusDays(14).toString());

        assertProblem(stack.commands.post("leader", "/api/orders/" + orderId + "/acknowledgement", Map.of()),
                409, "order-in-notice");
        assertProblem(stack.commands.post("inspector", "/api/orders/" + orderId + "/imposition", Map.of(
                "issuedOn", TODAY.toString(), "requirements", drafts)), 409, "notice-response-pending");
        assertProblem(stack.commands.post("leader", "/api/orders/notices", notice("ST-VARSEL-X", drafts)),
                403, "wrong-role");
        assertProblem(stack.commands.post("inspector", "/api/orders/notices", Map.of(
                "authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap", "reference", "ST-V-2",
                "legalBasis", "§ 8", "issuedOn", TODAY.toString(), "requirements", drafts,
                "responseDue", TODAY.plusDays(3).toString())), 422, "response-due-too-soon");

        JsonNode answered = expect(200, stack.commands.post("leader", "/api/orders/" + orderId + "/notice-response",
                Map.of("response", "Vi er enige i det første krav og retter op",
                        "remedies", List.of(Map.of("requirementId", first, "remedy", "Ny metodebeskrivelse"))))).body();
        assertThat(answered.get("version").asInt()).isEqualTo(1);

        List<Map<String, Object>> imposed = List.of(drafts.get(0),
                draft(second, "Magtanvendelse og low arousal", "KOMPETENCER", TODAY.plusMonths(6)));
        expect(201, stack.commands.post("inspector", "/api/orders/" + orderId + "/imposition", Map.of(
                "issuedOn", TODAY.toString(), "summary", "Påbud efter partshøring", "requirements", imposed)));
        assertProblem(stack.commands.post("inspector", "/api/orders/" + orderId + "/imposition", Map.of(
                "issuedOn", TODAY.toString(), "requirements", imposed)), 409, "already-imposed");
        expect(200, stack.commands.post("leader", "/api/orders/" + orderId + "/acknowledgement", Map.of()));

        JsonNode order = dossierWhen(stack, "inspector", orderId, d -> "ACKNOWLEDGED".equals(d.path("status")
                .asText()));
        assertThat(order.get("requirements").get(1).get("title").asText()).isEqualTo("Magtanvendelse og low arousal");
        assertThat(order.get("requirements").findValuesAsText("status")).containsOnly("OPEN");
        assertThat(order.at("/notice/answers/0/remedies/0/remedy").asText()).isEqualTo("Ny metodebeskrivelse");
        assertThat(order.at("/notice/draftRequirements/1/title").asText()).isEqualTo("Magtanvendelse");
        assertThat(order.get("noticeWaivedReason").isNull()).isTrue();
        JsonNode trail = stack.queries.get("inspector", "/api/orders/" + orderId + "/audit-trail").body();
        assertThat(trail.get("entries").findValuesAsText("eventType")).startsWith("NoticeOfOrderGiven",
                "NoticeResponded", "SupervisoryOrderImposed", "SupervisoryOrderAcknowledged");
    }

    @Test
    void aLapsedNoticeIsFinal(EndToEnd.Stack stack) {
        String orderId = expect(201, stack.commands.post("inspector", "/api/orders/notices",
                notice("ST-VARSEL-BORT", List.of(draft("00000000-0000-4000-8000-00000000b001", "Hygiejne",
                        "SUNDHED_OG_TRIVSEL", TODAY.plusMonths(2)))))).body().get("id").asText();
        assertProblem(stack.commands.post("inspector", "/api/orders/" + orderId + "/notice-lapse", Map.of(
                "reason", " ")), 400, "invalid-request");
        expect(200, stack.commands.post("inspector", "/api/orders/" + orderId + "/notice-lapse",
                Map.of("reason", "Svaret viser, hvordan der rettes op")));
        assertProblem(stack.commands.post("leader", "/api/orders/" + orderId + "/notice-response",
                Map.of("response", "for sent")), 409, "notice-lapsed");

        JsonNode lapsed = dossierWhen(stack, "leader", orderId, d -> "LAPSED".equals(d.path("status").asText()));
        assertThat(lapsed.at("/notice/lapseReason").asText()).isEqualTo("Svaret viser, hvordan der rettes op");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusListed(stack, orderId), "LAPSED"::equals);
    }

    /** The order's status as the order list (the summary read model) has it. */
    private static String statusListed(EndToEnd.Stack stack, String orderId) {
        for (JsonNode summary : stack.queries.get("inspector", "/api/orders").body().get("orders")) {
            if (summary.get("orderId").asText().equals(orderId)) {
                return summary.get("status").asText();
            }
        }
        return null;
    }

    @Test
    void requirementsAreReportedAndDecidedOneByOneWhileTheOthersGoOn(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-DELVIS-1");
        String method = example.methodRequirement;
        String restraint = example.restraintRequirement;

        expect(200, stack.commands.post("leader", example.order("/compliance-report"), Map.of(
                "summary", "Metoden er på plads", "requirementIds", List.of(method))));
        assertProblem(stack.commands.post("leader", example.order("/compliance-report"), Map.of(
                "summary", "igen", "requirementIds", List.of(method))), 409, "already-reported");
        assertProblem(stack.commands.post("leader", example.requirement(method, "/action-plans"), Map.of(
                "plannedChanges", "p", "responsibleLeader", "l", "milestones", List.of())), 409,
                "report-under-review");
        JsonNode reported = dossierWhen(stack, "inspector", example.orderId,
                d -> "REPORT_SUBMITTED".equals(d.path("status").asText()));
        assertThat(reported.at("/requirements/0/status").asText()).isEqualTo("REPORTED");
        assertThat(reported.at("/requirements/1/status").asText()).isEqualTo("VERIFIED");

        expect(200, stack.commands.post("inspector", example.order("/decision"), Map.of("decision", "ACCEPT",
                "requirementIds", List.of(method))));
        assertProblem(stack.commands.post("inspector", example.order("/closure"), Map.of("outcome", "COMPLIED")),
                409, "not-complied-yet");
        expect(200, stack.commands.post("leader", example.order("/compliance-report"), Map.of(
                "summary", "Magtanvendelserne er faldet")));
        expect(200, stack.commands.post("inspector", example.order("/decision"), Map.of("decision", "REJECT",
                "rejections", List.of(Map.of("requirementId", restraint, "reason", "Kun én måned målt")))));

        JsonNode decided = dossierWhen(stack, "inspector", example.orderId,
                d -> d.path("decisions").size() == 2);
        assertThat(decided.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(decided.at("/requirements/0/status").asText()).isEqualTo("ACCEPTED");
        assertThat(decided.at("/requirements/0/decision/decision").asText()).isEqualTo("ACCEPTED");
        assertThat(decided.at("/requirements/1/status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(decided.at("/requirements/1/reworkReason").asText()).isEqualTo("Kun én måned målt");
        assertThat(decided.at("/requirements/1/report/summary").asText()).isEqualTo("Magtanvendelserne er faldet");
        assertThat(decided.get("reports")).hasSize(2);
        assertThat(decided.at("/decisions/1/rejections/0/reason").asText()).isEqualTo("Kun én måned målt");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusListed(stack, example.orderId),
                "ACKNOWLEDGED"::equals);
    }

    @Test
    void anAppealAmendsOneRequirementAndAnotherAnnulsTheOther(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-KLAGE-1");
        String method = example.methodRequirement;
        String restraint = example.restraintRequirement;

        String appeal = expect(201, stack.commands.post("leader", example.order("/appeals"), Map.of(
                "lodgedOn", TODAY.toString(), "requirementIds", List.of(restraint)))).body().get("id").asText();
        assertProblem(stack.commands.post("leader", example.order("/appeals"), Map.of(
                "lodgedOn", TODAY.toString(), "requirementIds", List.of(restraint))), 409, "appeal-open");
        assertProblem(stack.commands.post("leader", example.order("/appeals/" + appeal + "/decision"), Map.of(
                "outcome", "UPHELD", "decidedOn", TODAY.toString(), "reason", "r")), 403, "wrong-role");
        assertProblem(stack.commands.post("inspector", example.order("/appeals/" + appeal + "/decision"), Map.of(
                "outcome", "AMENDED", "decidedOn", TODAY.toString(), "reason", "r")), 422, "amendments-required");
        LocalDate amendedDeadline = TODAY.plusMonths(9);
        expect(200, stack.commands.post("inspector", example.order("/appeals/" + appeal + "/decision"), Map.of(
                "outcome", "AMENDED", "decidedOn", TODAY.toString(), "reason", "Kravet var for bredt formuleret",
                "amendments", List.of(Map.of("requirementId", restraint, "title", "Low arousal om aftenen",
                        "requiredChange", "staff use low arousal in the evening routines",
                        "deadline", amendedDeadline.toString())))));
        assertProblem(stack.commands.post("inspector", example.order("/appeals/" + appeal + "/decision"), Map.of(
                "outcome", "UPHELD", "decidedOn", TODAY.toString(), "reason", "r")), 409, "appeal-decided");

        String second = expect(201, stack.commands.post("inspector", example.order("/appeals"), Map.of(
                "lodgedOn", TODAY.toString(), "requirementIds", List.of(method)))).body().get("id").asText();
        expect(200, stack.commands.post("inspector", example.order("/appeals/" + second + "/decision"), Map.of(
                "outcome", "ANNULLED", "decidedOn", TODAY.toString(), "reason", "Manglende hjemmel")));
        assertProblem(stack.commands.post("leader", example.requirement(method, "/action-plans"), Map.of(
                "plannedChanges", "p", "responsibleLeader", "l", "milestones", List.of())), 409,
                "requirement-annulled");

        JsonNode dossier = dossierWhen(stack, "inspector", example.orderId, d -> d.path("appeals").size() == 2
                && !d.path("appeals").get(1).path("outcome").isNull());
        assertThat(dossier.get("status").asText()).isNotEqualTo("CLOSED");
        assertThat(dossier.at("/appeals/0/outcome").asText()).isEqualTo("AMENDED");
        assertThat(dossier.at("/appeals/0/late").asBoolean()).as("lodged more than four weeks after 2026-11-01")
                .isTrue();
        JsonNode amended = dossier.get("requirements").get(1);
        assertThat(amended.get("title").asText()).isEqualTo("Low arousal om aftenen");
        assertThat(amended.get("deadline").asText()).isEqualTo(amendedDeadline.toString());
        assertThat(amended.get("status").asText()).isEqualTo("AMENDED");
        assertThat(amended.at("/amendments/0/previousTitle").asText()).isEqualTo("Low arousal");
        assertThat(dossier.at("/requirements/0/status").asText()).isEqualTo("ANNULLED");
    }

    @Test
    void annullingEveryRequirementEndsTheOrderAsAnnulled(EndToEnd.Stack stack) {
        String orderId = expect(201, stack.commands.post("inspector", "/api/orders", OrderSliceIT.order(
                "ST-KLAGE-2"))).body().get("id").asText();
        String appeal = expect(201, stack.commands.post("leader", "/api/orders/" + orderId + "/appeals",
                Map.of("lodgedOn", TODAY.toString()))).body().get("id").asText();
        expect(200, stack.commands.post("inspector", "/api/orders/" + orderId + "/appeals/" + appeal + "/decision",
                Map.of("outcome", "ANNULLED", "decidedOn", TODAY.toString(), "reason", "Påbuddet er ugyldigt")));
        JsonNode closed = dossierWhen(stack, "leader", orderId, d -> "CLOSED".equals(d.path("status").asText()));
        assertThat(closed.at("/closure/outcome").asText()).isEqualTo("ANNULLED");
        assertThat(closed.get("requirements").findValuesAsText("status")).containsOnly("ANNULLED");
        assertThat(closed.at("/appeals/0/requirementIds")).hasSize(2);
    }
}
