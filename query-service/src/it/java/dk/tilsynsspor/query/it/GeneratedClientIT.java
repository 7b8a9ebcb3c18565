package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dk.tilsynsspor.client.commands.api.CasesApi;
import dk.tilsynsspor.client.commands.api.OrdersApi;
import dk.tilsynsspor.client.commands.api.RequirementsApi;
import dk.tilsynsspor.client.commands.model.AssignmentRequest;
import dk.tilsynsspor.client.commands.model.ActionPlanRequest;
import dk.tilsynsspor.client.commands.model.ComplianceReportRequest;
import dk.tilsynsspor.client.commands.model.ClosureAnswer;
import dk.tilsynsspor.client.commands.model.ClosureRequest;
import dk.tilsynsspor.client.commands.model.DecisionRequest;
import dk.tilsynsspor.client.commands.model.EvidenceRequest;
import dk.tilsynsspor.client.commands.model.ImposeOrderRequest;
import dk.tilsynsspor.client.commands.model.InsightRequest;
import dk.tilsynsspor.client.commands.model.MeasurementRequest;
import dk.tilsynsspor.client.commands.model.MilestoneRequest;
import dk.tilsynsspor.client.commands.model.OpenCaseRequest;
import dk.tilsynsspor.client.commands.model.OrderImposedResponse;
import dk.tilsynsspor.client.commands.model.Problem;
import dk.tilsynsspor.client.commands.model.QualityGoalRequest;
import dk.tilsynsspor.client.commands.model.RequirementRequest;
import dk.tilsynsspor.client.commands.model.SessionRequest;
import dk.tilsynsspor.client.commands.model.ThemeRequest;
import dk.tilsynsspor.client.commands.model.VerificationRequest;
import dk.tilsynsspor.client.reads.api.AuditTrailApi;
import dk.tilsynsspor.client.reads.model.ComplianceDossier;
import dk.tilsynsspor.client.reads.model.RequirementDossier;
import dk.tilsynsspor.client.reads.model.TrailVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The public worked example driven through Java clients generated from the published documents ({@code docs/api},
 * openapi-generator's Maven plugin) and nothing else: order to closure, and one refused command read as a problem.
 * Every answer is checked against the document ({@link DocumentedResponses}: its status, headers and content type),
 * and the clients read answers strictly (an undocumented field fails), so a document that lies fails this test.
 */
@ExtendWith(EndToEnd.class)
class GeneratedClientIT {

    private final DocumentedResponses commandDocument =
            new DocumentedResponses(ApiDocumentsIT.PUBLISHED.resolve("command-service.json"));
    private final DocumentedResponses queryDocument =
            new DocumentedResponses(ApiDocumentsIT.PUBLISHED.resolve("query-service.json"));

    @Test
    void theWorkedExampleThroughTheGeneratedClientsOnly(EndToEnd.Stack stack) throws Exception {
        LocalDate issued = LocalDate.of(2026, 11, 1);
        String reference = "ST-KLIENT-" + UUID.randomUUID().toString().substring(0, 8);

        OrderImposedResponse order = orders(stack, "inspector").imposeOrderWithHttpInfo(new ImposeOrderRequest()
                .authorityId("socialtilsyn-hovedstaden").organisationId("kk-handicap").reference(reference)
                .legalBasis("Lov om socialtilsyn § 8").issuedOn(issued).summary("Påbud efter tilsynsbesøg")
                .noticeWaivedReason("Akut risiko for beboernes sikkerhed")
                .requirements(List.of(
                        new RequirementRequest().title("Pædagogisk metode").requiredChange("Beskriv metoden")
                                .qualityTheme(RequirementRequest.QualityThemeEnum.MAALGRUPPE_METODER_OG_RESULTATER)
                                .deadline(issued.plusMonths(3)),
                        new RequirementRequest().title("Low arousal").requiredChange("Færre magtanvendelser")
                                .qualityTheme(RequirementRequest.QualityThemeEnum.KOMPETENCER)
                                .deadline(issued.plusMonths(6)))), null, "tilsynsbesøg", null).getData();
        UUID orderId = order.getId();
        UUID method = order.getRequirementIds().get(0);
        UUID restraint = order.getRequirementIds().get(1);

        orders(stack, "leader").acknowledgeOrder(orderId, null, null, null);
        RequirementsApi leaderRequirements = requirements(stack, "leader");
        for (UUID requirement : List.of(method, restraint)) {
            var plan = leaderRequirements.submitActionPlanWithHttpInfo(orderId, requirement, new ActionPlanRequest()
                    .plannedChanges("Baggrundsbeskrivelser og low arousal-kursus").responsibleLeader("Lene Leder")
                    .milestones(List.of(new MilestoneRequest().description("Kursus").dueOn(issued.plusDays(45)))),
                    null, null, null);
            assertThat(plan.getStatusCode()).isEqualTo(201);
            assertThat(plan.getData().getVersion()).isEqualTo(1);
        }
        leaderRequirements.defineQualityGoal(orderId, restraint, new QualityGoalRequest()
                .indicator("Magtanvendelser pr. måned").unit("magtanvendelser").baseline(BigDecimal.valueOf(6))
                .target(BigDecimal.valueOf(2)).direction(QualityGoalRequest.DirectionEnum.LOWER_IS_BETTER),
                null, null, null);
        leaderRequirements.defineQualityGoal(orderId, method, new QualityGoalRequest()
                .indicator("Handleplaner efter metoden").unit("%").baseline(BigDecimal.valueOf(20))
                .target(BigDecimal.valueOf(90)).direction(QualityGoalRequest.DirectionEnum.HIGHER_IS_BETTER),
                null, null, null);

        CasesApi leaderCases = cases(stack, "leader");
        UUID caseId = leaderCases.openCase(new OpenCaseRequest().organisationId("kk-handicap")
                .citizenRef("borger-0417").orderId(orderId).requirementIds(List.of(method, restraint)),
                null, null, null).getId();
        for (String professional : List.of("paedagog", "psykolog")) {
            leaderCases.assignProfessional(caseId, new AssignmentRequest().professionalId(professional)
                    .name(professional).discipline(professional).sector("bosted").role("kontaktperson"),
                    null, null, null);
        }
        cases(stack, "paedagog").chooseTheme(caseId, new ThemeRequest().professionalId("paedagog")
                .theme("At læse optrapning tidligt").requirementId(restraint), null, null, null);
        UUID session = cases(stack, "paedagog").holdSession(caseId, new SessionRequest().heldOn(issued.plusDays(30))
                .facilitator("Lene Leder").participantIds(List.of("paedagog", "psykolog"))
                .requirementIds(List.of(method, restraint)), null, null, null).getId();
        UUID restraintInsight = cases(stack, "paedagog").recordInsight(caseId, session, new InsightRequest()
                .professionalId("paedagog").requirementId(restraint).insight("Uro opstår ved aftensmaden")
                .practiceChange("Faste rutiner ved aftensmaden"), null, null, null).getId();
        UUID methodInsight = cases(stack, "psykolog").recordInsight(caseId, session, new InsightRequest()
                .professionalId("psykolog").requirementId(method).insight("Metoden stod ikke i handleplanerne")
                .practiceChange("Hver handleplan henviser til metoden"), null, null, null).getId();

        List<UUID> restraintMeasurements = new ArrayList<>();
        int[] monthly = {6, 5, 3, 2};
        for (int i = 0; i < monthly.length; i++) {
            restraintMeasurements.add(leaderRequirements.recordMeasurement(orderId, restraint, new MeasurementRequest()
                    .value(BigDecimal.valueOf(monthly[i])).measuredOn(issued.plusMonths(i + 1))
                    .source("magtanvendelsesregistrering"), null, null, null).getId());
        }
        UUID methodMeasurement = leaderRequirements.recordMeasurement(orderId, method, new MeasurementRequest()
                .value(BigDecimal.valueOf(95)).measuredOn(issued.plusMonths(3)).source("journalaudit"),
                null, null, null).getId();

        // one refused command, read as the problem the document describes
        var refused = catchThrowableOfType(() -> leaderRequirements.verifyImprovement(orderId, restraint,
                new VerificationRequest().goalMet(true).conclusion("Uden dokumentation"), "da", null, null),
                dk.tilsynsspor.client.commands.ApiException.class);
        assertThat(refused.getCode()).isEqualTo(422);
        Problem problem = commandClient(stack, "leader").getObjectMapper()
                .readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getType().toString()).isEqualTo("urn:tilsynsspor:problem:evidence-missing");
        assertThat(problem.getTitle()).isEqualTo("Dokumentation mangler");
        assertThat(problem.getStatus()).isEqualTo(422);

        leaderRequirements.verifyImprovement(orderId, restraint, new VerificationRequest().goalMet(true)
                .conclusion("Magtanvendelser faldet fra 6 til 2").evidence(new EvidenceRequest()
                        .insightIds(List.of(restraintInsight)).measurementIds(restraintMeasurements)), null, null, null);
        leaderRequirements.verifyImprovement(orderId, method, new VerificationRequest().goalMet(true)
                .conclusion("95 % følger metoden").evidence(new EvidenceRequest()
                        .insightIds(List.of(methodInsight)).measurementIds(List.of(methodMeasurement))),
                null, null, null);
        orders(stack, "leader").submitComplianceReport(orderId, new ComplianceReportRequest()
                .summary("Begge krav er fulgt op"), null, null, null);
        orders(stack, "inspector").decideCompliance(orderId, new DecisionRequest()
                .decision(DecisionRequest.DecisionEnum.ACCEPT), null, null, null);
        ClosureAnswer closed = orders(stack, "inspector").closeOrder(orderId, new ClosureRequest()
                .outcome(ClosureRequest.OutcomeEnum.COMPLIED).reason("Påbuddet er efterkommet"), null, null, null);
        assertThat(closed.getOutcome()).isEqualTo(ClosureAnswer.OutcomeEnum.COMPLIED);

        dk.tilsynsspor.client.reads.api.OrdersApi readOrders = reads(stack, "inspector",
                dk.tilsynsspor.client.reads.api.OrdersApi::new);
        ComplianceDossier dossier = await().atMost(Duration.ofSeconds(30)).until(
                () -> readOrders.getDossier(orderId, null, null, null),
                candidate -> candidate.getStatus() == ComplianceDossier.StatusEnum.CLOSED);
        assertThat(dossier.getReference()).isEqualTo(reference);
        assertThat(dossier.getRequirements()).extracting(RequirementDossier::getStatus)
                .containsOnly(RequirementDossier.StatusEnum.ACCEPTED);
        assertThat(dossier.getRequirements().get(1).getVerification().getCitedMeasurements()).hasSize(4);
        // sealed into the order's chain moments after the commit (ADR 28)
        TrailVerification verification = await().atMost(Duration.ofSeconds(10)).until(
                () -> reads(stack, "inspector", AuditTrailApi::new).verifyAuditTrail(orderId, null, null),
                candidate -> candidate.getUnlinked() == 0);
        assertThat(verification.getIntact()).isTrue();
        // the trail's read model asked for the writes before the read (Prefer: read-your-writes), as a script would
        assertThat(reads(stack, "inspector", AuditTrailApi::new).getAuditTrail(orderId, null, null,
                "read-your-writes").getEntries()).hasSize(verification.getEntries().intValue());

        assertThat(commandDocument.checked()).contains("POST /api/orders 201",
                "POST /api/orders/{orderId}/requirements/{requirementId}/verification 422",
                "POST /api/orders/{orderId}/closure 200");
        assertThat(queryDocument.checked()).contains("GET /api/orders/{orderId}/dossier 200");
    }

    private OrdersApi orders(EndToEnd.Stack stack, String user) {
        return new OrdersApi(commandClient(stack, user));
    }

    private RequirementsApi requirements(EndToEnd.Stack stack, String user) {
        return new RequirementsApi(commandClient(stack, user));
    }

    private CasesApi cases(EndToEnd.Stack stack, String user) {
        return new CasesApi(commandClient(stack, user));
    }

    private dk.tilsynsspor.client.commands.ApiClient commandClient(EndToEnd.Stack stack, String user) {
        var client = new dk.tilsynsspor.client.commands.ApiClient();
        client.updateBaseUri(stack.commandService.baseUrl());
        String authorization = stack.commands.authorization(user);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        client.setResponseInterceptor(commandDocument::check);
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return client;
    }

    private <T> T reads(EndToEnd.Stack stack, String user,
                        java.util.function.Function<dk.tilsynsspor.client.reads.ApiClient, T> api) {
        var client = new dk.tilsynsspor.client.reads.ApiClient();
        client.updateBaseUri(stack.queryService.baseUrl());
        String authorization = stack.queries.authorization(user);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        client.setResponseInterceptor(queryDocument::check);
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return api.apply(client);
    }
}
