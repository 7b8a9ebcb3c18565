package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public worked example of the domain specification, driven over HTTP as a leader, professionals and an
 * inspector would: order, acknowledgement, action plans, quality goal, case and team, sessions, insights, monthly
 * measurements, verification, report, acceptance and closure. Each step asserts its answer.
 */
public final class WorkedExample {

    public final String orderId;
    public final String methodRequirement;
    public final String restraintRequirement;
    public String caseId;
    public String sessionId;
    public final List<String> insightIds = new ArrayList<>();
    public final List<String> restraintMeasurements = new ArrayList<>();
    public String methodMeasurement;
    private final Api commands;

    private WorkedExample(Api commands, String reference) {
        this(commands, reference, List.of());
    }

    /** {@code methodEvidence}: the kinds of evidence the first requirement requires (empty: the default). */
    private WorkedExample(Api commands, String reference, List<String> methodEvidence) {
        this.commands = commands;
        LocalDate issued = LocalDate.of(2026, 11, 1);
        Api.Response order = expect(201, commands.post("inspector", "/api/orders", Map.of(
                "authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap",
                "reference", reference, "legalBasis", "Lov om socialtilsyn § 8", "issuedOn", issued.toString(),
                "noticeWaivedReason", "Akut risiko for beboernes sikkerhed",
                "summary", "Påbud efter tilsynsbesøg på bosted i handicapområdet",
                "requirements", List.of(
                        Map.of("title", "Pædagogisk metode", "qualityTheme", "MAALGRUPPE_METODER_OG_RESULTATER",
                                "requiredChange", "document the pedagogical method in pedagogical background "
                                        + "descriptions and follow it up in action plans",
                                "deadline", issued.plusMonths(3).toString(), "requiredEvidence", methodEvidence),
                        Map.of("title", "Low arousal", "qualityTheme", "KOMPETENCER",
                                "requiredChange", "staff use low-arousal de-escalation; physical restraint "
                                        + "incidents fall", "deadline", issued.plusMonths(6).toString())))));
        orderId = order.body().get("id").asText();
        methodRequirement = order.body().get("requirementIds").get(0).asText();
        restraintRequirement = order.body().get("requirementIds").get(1).asText();
    }

    /** Imposes the order only. */
    public static WorkedExample imposed(Api commands, String reference) {
        return new WorkedExample(commands, reference);
    }

    /** Imposes the order with its first requirement needing the kinds of evidence named (part 5: a document). */
    public static WorkedExample imposedNeeding(Api commands, String reference, List<String> methodEvidence) {
        return new WorkedExample(commands, reference, methodEvidence);
    }

    /** Runs the example up to the learning session's insights: acknowledged, planned, a case with its team. */
    public static WorkedExample learned(Api commands, String reference) {
        WorkedExample example = new WorkedExample(commands, reference);
        example.acknowledgeAndPlan();
        example.openCaseWithTeam();
        example.learn();
        return example;
    }

    /** Runs the example up to both requirements verified as met. */
    public static WorkedExample verified(Api commands, String reference) {
        WorkedExample example = learned(commands, reference);
        example.measure();
        example.verify();
        return example;
    }

    public String order(String path) {
        return "/api/orders/" + orderId + path;
    }

    /**
     * The order's trail verification (as the inspector asks for it) once every stored event of the order is sealed
     * into its hash chain, which command-service's sealer does moments after the commit (ADR 28).
     */
    public JsonNode sealedVerification(Api queries) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> queries.get("inspector", order("/audit-trail/verification")),
                response -> response.status() == 200 && response.body().get("unlinked").asLong() == 0).body();
    }

    public String requirement(String requirementId, String path) {
        return order("/requirements/" + requirementId + path);
    }

    public void acknowledgeAndPlan() {
        expect(200, commands.post("leader", order("/acknowledgement"), "{}"));
        for (String requirement : List.of(methodRequirement, restraintRequirement)) {
            expect(201, commands.post("leader", requirement(requirement, "/action-plans"), Map.of(
                    "plannedChanges", "pædagogiske baggrundsbeskrivelser og handleplaner; low arousal-kursus",
                    "responsibleLeader", "leader",
                    "milestones", List.of(Map.of("description", "alle medarbejdere på kursus",
                            "dueOn", "2026-12-15")))));
        }
        expect(201, commands.post("leader", requirement(restraintRequirement, "/quality-goal"), Map.of(
                "indicator", "restraint incidents per month", "unit", "incidents", "baseline", 6, "target", 2,
                "direction", "LOWER_IS_BETTER")));
        expect(201, commands.post("leader", requirement(methodRequirement, "/quality-goal"), Map.of(
                "indicator", "action plans that follow the documented method", "unit", "%", "baseline", 20,
                "target", 90, "direction", "HIGHER_IS_BETTER")));
    }

    public void openCaseWithTeam() {
        caseId = expect(201, commands.post("leader", "/api/cases", Map.of("organisationId", "kk-handicap",
                "citizenRef", "borger-0417", "orderId", orderId,
                "requirementIds", List.of(methodRequirement, restraintRequirement)))).body().get("id").asText();
        for (List<String> member : List.of(List.of("paedagog", "Pia Pædagog", "pædagog", "bosted"),
                List.of("socialraadgiver", "Sune Socialrådgiver", "socialrådgiver", "bosted"),
                List.of("psykolog", "Pernille Psykolog", "psykolog", "regionspsykiatri"))) {
            expect(201, commands.post("leader", "/api/cases/" + caseId + "/team", Map.of("professionalId",
                    member.get(0), "name", member.get(1), "discipline", member.get(2), "sector", member.get(3),
                    "role", "kontaktperson")));
        }
        expect(201, commands.post("paedagog", "/api/cases/" + caseId + "/development-themes", Map.of(
                "professionalId", "paedagog", "theme", "at læse optrapning tidligt", "requirementId",
                restraintRequirement)));
    }

    public void learn() {
        sessionId = expect(201, commands.post("paedagog", "/api/cases/" + caseId + "/sessions", Map.of(
                "heldOn", "2026-12-01", "facilitator", "leader",
                "participantIds", List.of("paedagog", "socialraadgiver", "psykolog"),
                "requirementIds", List.of(methodRequirement, restraintRequirement)))).body().get("id").asText();
        insightIds.add(insight("paedagog", restraintRequirement, "Uro opstår ved aftensmaden",
                "Skærmet spiseplads og faste rutiner ved aftensmaden"));
        insightIds.add(insight("psykolog", methodRequirement, "Metoden var ikke beskrevet i handleplanerne",
                "Hver handleplan henviser til den pædagogiske baggrundsbeskrivelse"));
    }

    private String insight(String professional, String requirement, String insight, String practiceChange) {
        return expect(201, commands.post(professional, "/api/cases/" + caseId + "/sessions/" + sessionId
                + "/insights", Map.of("professionalId", professional, "requirementId", requirement,
                "insight", insight, "practiceChange", practiceChange))).body().get("id").asText();
    }

    public void measure() {
        int[] monthly = {6, 5, 3, 2};
        for (int i = 0; i < monthly.length; i++) {
            restraintMeasurements.add(expect(201, commands.post("leader",
                    requirement(restraintRequirement, "/measurements"), Map.of("value", monthly[i],
                            "measuredOn", LocalDate.of(2026, 11, 30).plusMonths(i).toString(),
                            "source", "magtanvendelsesregistrering"))).body().get("id").asText());
        }
        methodMeasurement = expect(201, commands.post("leader", requirement(methodRequirement, "/measurements"),
                Map.of("value", 95, "measuredOn", "2027-01-31", "source", "journalaudit")))
                .body().get("id").asText();
    }

    public void verify() {
        expect(200, commands.post("leader", requirement(restraintRequirement, "/verification"), Map.of(
                "goalMet", true, "conclusion", "Magtanvendelser faldet fra 6 til 2 om måneden",
                "evidence", Map.of("insightIds", List.of(insightIds.get(0)),
                        "measurementIds", restraintMeasurements))));
        expect(200, commands.post("leader", requirement(methodRequirement, "/verification"), Map.of(
                "goalMet", true, "conclusion", "95 % af handleplanerne følger metoden",
                "evidence", Map.of("insightIds", List.of(insightIds.get(1)),
                        "measurementIds", List.of(methodMeasurement)))));
    }

    /** Report, acceptance and closure. */
    public void conclude() {
        expect(200, commands.post("leader", order("/compliance-report"), Map.of("summary",
                "Begge krav er fulgt op og verificeret")));
        expect(200, commands.post("inspector", order("/decision"), Map.of("decision", "ACCEPT")));
        expect(200, commands.post("inspector", order("/closure"), Map.of("outcome", "COMPLIED",
                "reason", "Påbuddet er efterkommet")));
    }

    static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        return response;
    }
}
