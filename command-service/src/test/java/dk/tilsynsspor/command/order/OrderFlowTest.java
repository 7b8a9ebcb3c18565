package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.lookup.DocumentDirectory;
import dk.tilsynsspor.command.lookup.InsightDirectory;
import dk.tilsynsspor.core.order.AcceptCompliance;
import dk.tilsynsspor.core.order.AcknowledgeSupervisoryOrder;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.CloseSupervisoryOrder;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.DefineQualityGoal;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.core.order.ExtendRequirementDeadline;
import dk.tilsynsspor.core.order.Milestone;
import dk.tilsynsspor.core.order.QualityDirection;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.RecordQualityMeasurement;
import dk.tilsynsspor.core.order.RejectCompliance;
import dk.tilsynsspor.core.order.Rejection;
import dk.tilsynsspor.core.order.RequirementDeadlineExtended;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.SubmitActionPlan;
import dk.tilsynsspor.core.order.SubmitComplianceReport;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.VerifyQualityImprovement;
import dk.tilsynsspor.command.access.Actors;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ISSUED;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_1;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_2;
import static dk.tilsynsspor.command.rules.Violations.violation;

/** The rules of a supervisory order's follow-up, from acknowledgement to closure, one test per rule. */
class OrderFlowTest {

    static final LocalDate DEADLINE_1 = ISSUED.plusMonths(3);
    static final LocalDate DEADLINE_2 = ISSUED.plusMonths(6);
    static final UUID INSIGHT_1 = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID INSIGHT_2 = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID MEASURED_6 = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID MEASURED_2 = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID MEASURED_95 = UUID.fromString("00000000-0000-0000-0000-0000000000b3");

    private AggregateTestFixture<SupervisoryOrder> fixture;
    private final Map<UUID, InsightDirectory.RecordedInsight> insights = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
        insights.put(INSIGHT_1, new InsightDirectory.RecordedInsight(INSIGHT_1, ORDER, REQUIREMENT_1));
        insights.put(INSIGHT_2, new InsightDirectory.RecordedInsight(INSIGHT_2, ORDER, REQUIREMENT_2));
        fixture.registerInjectableResource((InsightDirectory) id -> Optional.ofNullable(insights.get(id)));
        fixture.registerInjectableResource((DocumentDirectory) id -> Optional.empty());
    }

    static SupervisoryOrderImposed imposed() {
        return new SupervisoryOrderImposed(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-2026-0042",
                "Lov om socialtilsyn § 8", ISSUED, "Påbud", List.of(SupervisoryOrderTest.documentMethod(DEADLINE_1),
                SupervisoryOrderTest.lowArousal(DEADLINE_2)));
    }

    static QualityGoalDefined restraintGoal() {
        return new QualityGoalDefined(ORDER, REQUIREMENT_2, "restraint incidents per month", "incidents",
                BigDecimal.valueOf(6), BigDecimal.valueOf(2), QualityDirection.LOWER_IS_BETTER);
    }

    static QualityGoalDefined methodGoal() {
        return new QualityGoalDefined(ORDER, REQUIREMENT_1, "action plans following the method", "%",
                BigDecimal.valueOf(20), BigDecimal.valueOf(90), QualityDirection.HIGHER_IS_BETTER);
    }

    static QualityMeasurementRecorded measured(UUID requirement, UUID id, int value, LocalDate on) {
        return new QualityMeasurementRecorded(ORDER, requirement, id, BigDecimal.valueOf(value), on, "register");
    }

    static VerifyQualityImprovement verify(UUID requirement, boolean met, List<UUID> insightIds, List<UUID> measured) {
        return new VerifyQualityImprovement(ORDER, requirement, met, "conclusion", new Evidence(insightIds, measured));
    }

    static QualityImprovementVerified verified(UUID requirement, UUID insight, UUID measurement) {
        return new QualityImprovementVerified(ORDER, requirement, true, "conclusion",
                new Evidence(List.of(insight), List.of(measurement)));
    }

    /** Everything up to the moment both requirements are verified as met. */
    static Object[] bothVerified() {
        return new Object[]{imposed(), new SupervisoryOrderAcknowledged(ORDER, "kk-handicap"),
                methodGoal(), restraintGoal(),
                measured(REQUIREMENT_1, MEASURED_95, 95, ISSUED.plusMonths(2)),
                measured(REQUIREMENT_2, MEASURED_2, 2, ISSUED.plusMonths(2)),
                verified(REQUIREMENT_1, INSIGHT_1, MEASURED_95), verified(REQUIREMENT_2, INSIGHT_2, MEASURED_2)};
    }

    static Object[] with(Object[] events, Object... more) {
        Object[] all = new Object[events.length + more.length];
        System.arraycopy(events, 0, all, 0, events.length);
        System.arraycopy(more, 0, all, events.length, more.length);
        return all;
    }

    @Test
    void acknowledgesAnOrder() {
        fixture.given(imposed()).when(new AcknowledgeSupervisoryOrder(ORDER))
                .expectEvents(new SupervisoryOrderAcknowledged(ORDER, "kk-handicap"));
    }

    @Test
    void cannotAcknowledgeTwice() {
        fixture.given(imposed(), new SupervisoryOrderAcknowledged(ORDER, "kk-handicap"))
                .when(new AcknowledgeSupervisoryOrder(ORDER))
                .expectNoEvents().expectException(violation("already-acknowledged"));
    }

    @Test
    void revisingAnActionPlanMakesANewVersion() {
        var milestones = List.of(new Milestone("pædagogiske baggrundsbeskrivelser", ISSUED.plusMonths(1)));
        fixture.given(imposed(), new ActionPlanSubmitted(ORDER, REQUIREMENT_1, 1, "v1", "leader", milestones))
                .when(new SubmitActionPlan(ORDER, REQUIREMENT_1, "v2", "leader", milestones))
                .expectResultMessagePayload(2)
                .expectEvents(new ActionPlanSubmitted(ORDER, REQUIREMENT_1, 2, "v2", "leader", milestones));
    }

    @Test
    void cannotPlanForARequirementTheOrderDoesNotHave() {
        fixture.given(imposed())
                .when(new SubmitActionPlan(ORDER, UUID.randomUUID(), "plan", "leader", List.of()))
                .expectNoEvents().expectException(violation("unknown-requirement"));
    }

    @Test
    void cannotDefineAGoalWhoseTargetIsNoImprovement() {
        fixture.given(imposed())
                .when(new DefineQualityGoal(ORDER, REQUIREMENT_2, "incidents", "n", BigDecimal.valueOf(6),
                        BigDecimal.valueOf(8), QualityDirection.LOWER_IS_BETTER))
                .expectNoEvents().expectException(violation("target-not-an-improvement"));
    }

    @Test
    void cannotDefineASecondGoalForARequirement() {
        fixture.given(imposed(), restraintGoal())
                .when(new DefineQualityGoal(ORDER, REQUIREMENT_2, "incidents", "n", BigDecimal.valueOf(6),
                        BigDecimal.valueOf(1), QualityDirection.LOWER_IS_BETTER))
                .expectNoEvents().expectException(violation("quality-goal-already-defined"));
    }

    @Test
    void recordsAMeasurementOfADefinedGoal() {
        fixture.given(imposed(), restraintGoal())
                .when(new RecordQualityMeasurement(ORDER, REQUIREMENT_2, MEASURED_6, BigDecimal.valueOf(6),
                        ISSUED.plusMonths(1), "register"))
                .expectEvents(measured(REQUIREMENT_2, MEASURED_6, 6, ISSUED.plusMonths(1)));
    }

    @Test
    void cannotMeasureWithoutAGoal() {
        fixture.given(imposed())
                .when(new RecordQualityMeasurement(ORDER, REQUIREMENT_2, MEASURED_6, BigDecimal.valueOf(6),
                        ISSUED.plusMonths(1), "register"))
                .expectNoEvents().expectException(violation("no-quality-goal"));
    }

    @Test
    void verifiesCitingAnInsightAndAMeasurement() {
        fixture.given(imposed(), restraintGoal(), measured(REQUIREMENT_2, MEASURED_2, 2, ISSUED.plusMonths(2)))
                .when(verify(REQUIREMENT_2, true, List.of(INSIGHT_2), List.of(MEASURED_2)))
                .expectEvents(verified(REQUIREMENT_2, INSIGHT_2, MEASURED_2));
    }

    @Test
    void cannotVerifyWithoutEvidence() {
        fixture.given(imposed(), restraintGoal(), measured(REQUIREMENT_2, MEASURED_2, 2, ISSUED.plusMonths(2)))
                .when(verify(REQUIREMENT_2, true, List.of(), List.of(MEASURED_2)))
                .expectNoEvents().expectException(violation("evidence-missing"));
    }

    @Test
    void cannotVerifyWithoutAMeasurement() {
        fixture.given(imposed(), restraintGoal())
                .when(verify(REQUIREMENT_2, false, List.of(INSIGHT_2), List.of()))
                .expectNoEvents().expectException(violation("evidence-missing"));
    }

    @Test
    void cannotCiteAnInsightRecordedForAnotherRequirement() {
        fixture.given(imposed(), restraintGoal(), measured(REQUIREMENT_2, MEASURED_2, 2, ISSUED.plusMonths(2)))
                .when(verify(REQUIREMENT_2, true, List.of(INSIGHT_1), List.of(MEASURED_2)))
                .expectNoEvents().expectException(violation("insight-serves-another-requirement"));
    }

    @Test
    void cannotCiteAnInsightThatDoesNotExist() {
        fixture.given(imposed(), restraintGoal(), measured(REQUIREMENT_2, MEASURED_2, 2, ISSUED.plusMonths(2)))
                .when(verify(REQUIREMENT_2, true, List.of(UUID.randomUUID()), List.of(MEASURED_2)))
                .expectNoEvents().expectException(violation("unknown-insight"));
    }

    @Test
    void cannotCiteAMeasurementOfAnotherRequirement() {
        fixture.given(imposed(), restraintGoal(), methodGoal(),
                        measured(REQUIREMENT_1, MEASURED_95, 95, ISSUED.plusMonths(2)))
                .when(verify(REQUIREMENT_2, false, List.of(INSIGHT_2), List.of(MEASURED_95)))
                .expectNoEvents().expectException(violation("unknown-measurement"));
    }

    @Test
    void cannotVerifyAsMetAGoalTheLatestMeasurementMisses() {
        fixture.given(imposed(), restraintGoal(), measured(REQUIREMENT_2, MEASURED_2, 2, ISSUED.plusMonths(1)),
                        measured(REQUIREMENT_2, MEASURED_6, 6, ISSUED.plusMonths(2)))
                .when(verify(REQUIREMENT_2, true, List.of(INSIGHT_2), List.of(MEASURED_2)))
                .expectNoEvents().expectException(violation("goal-not-met"));
    }

    @Test
    void mayVerifyThatAGoalIsNotMet() {
        fixture.given(imposed(), restraintGoal(), measured(REQUIREMENT_2, MEASURED_6, 6, ISSUED.plusMonths(1)))
                .when(verify(REQUIREMENT_2, false, List.of(INSIGHT_2), List.of(MEASURED_6)))
                .expectEvents(new QualityImprovementVerified(ORDER, REQUIREMENT_2, false, "conclusion",
                        new Evidence(List.of(INSIGHT_2), List.of(MEASURED_6))));
    }

    static ComplianceReportSubmitted reported(UUID... requirements) {
        return new ComplianceReportSubmitted(ORDER, "report", List.of(requirements));
    }

    static Object[] bothReported() {
        return with(bothVerified(), reported(REQUIREMENT_1, REQUIREMENT_2));
    }

    @Test
    void aReportWithoutNamedRequirementsCoversEveryOneVerifiedAndNotYetReported() {
        fixture.given(bothVerified()).when(new SubmitComplianceReport(ORDER, "report"))
                .expectEvents(reported(REQUIREMENT_1, REQUIREMENT_2));
        fixture.given(with(bothVerified(), reported(REQUIREMENT_1))).when(new SubmitComplianceReport(ORDER, "more"))
                .expectEvents(new ComplianceReportSubmitted(ORDER, "more", List.of(REQUIREMENT_2)));
    }

    @Test
    void reportsOneRequirementWhileTheOtherIsStillWorkedOn() {
        Object[] oneVerified = java.util.Arrays.copyOf(bothVerified(), bothVerified().length - 1);
        fixture.given(oneVerified).when(new SubmitComplianceReport(ORDER, "report", List.of(REQUIREMENT_1)))
                .expectEvents(reported(REQUIREMENT_1));
        fixture.given(oneVerified).when(new SubmitComplianceReport(ORDER, "report"))
                .expectEvents(reported(REQUIREMENT_1));
    }

    @Test
    void cannotReportARequirementThatIsNotVerified() {
        Object[] oneVerified = java.util.Arrays.copyOf(bothVerified(), bothVerified().length - 1);
        fixture.given(oneVerified).when(new SubmitComplianceReport(ORDER, "report", List.of(REQUIREMENT_2)))
                .expectNoEvents().expectException(violation("requirements-not-verified"));
    }

    @Test
    void cannotReportWhenNothingIsVerified() {
        fixture.given(imposed(), new SupervisoryOrderAcknowledged(ORDER, "kk-handicap"))
                .when(new SubmitComplianceReport(ORDER, "report"))
                .expectNoEvents().expectException(violation("nothing-to-report"));
    }

    @Test
    void cannotReportARequirementTwiceWhileItAwaitsADecision() {
        fixture.given(with(bothVerified(), reported(REQUIREMENT_1)))
                .when(new SubmitComplianceReport(ORDER, "again", List.of(REQUIREMENT_1)))
                .expectNoEvents().expectException(violation("already-reported"));
    }

    @Test
    void cannotReportAnAcceptedRequirement() {
        fixture.given(with(bothVerified(), reported(REQUIREMENT_1),
                        new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), false)))
                .when(new SubmitComplianceReport(ORDER, "again", List.of(REQUIREMENT_1)))
                .expectNoEvents().expectException(violation("compliance-accepted"));
    }

    @Test
    void cannotNameARequirementTwiceInAReport() {
        fixture.given(bothVerified()).when(new SubmitComplianceReport(ORDER, "r", List.of(REQUIREMENT_1,
                        REQUIREMENT_1)))
                .expectNoEvents().expectException(violation("requirement-named-twice"));
    }

    @Test
    void aReportedRequirementIsFrozenWhileTheOthersGoOn() {
        Object[] firstReported = with(java.util.Arrays.copyOf(bothVerified(), bothVerified().length - 1),
                reported(REQUIREMENT_1));
        fixture.given(firstReported)
                .when(new SubmitActionPlan(ORDER, REQUIREMENT_1, "v2", "leader", List.of()))
                .expectNoEvents().expectException(violation("report-under-review"));
        fixture.given(firstReported)
                .when(new RecordQualityMeasurement(ORDER, REQUIREMENT_2, MEASURED_6, BigDecimal.ONE,
                        ISSUED.plusMonths(3), "register"))
                .expectEvents(new QualityMeasurementRecorded(ORDER, REQUIREMENT_2, MEASURED_6, BigDecimal.ONE,
                        ISSUED.plusMonths(3), "register"));
    }

    @Test
    void acceptsEveryRequirementAwaitingADecisionAndSaysWhenTheOrderIsAccepted() {
        fixture.given(bothReported()).when(new AcceptCompliance(ORDER))
                .expectEvents(new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1, REQUIREMENT_2), true));
    }

    @Test
    void acceptsOneRequirementAndTheOrderIsNotYetAccepted() {
        fixture.given(bothReported()).when(new AcceptCompliance(ORDER, List.of(REQUIREMENT_1)))
                .expectEvents(new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), false));
        fixture.given(with(bothReported(), new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), false)))
                .when(new AcceptCompliance(ORDER))
                .expectEvents(new ComplianceAccepted(ORDER, List.of(REQUIREMENT_2), true));
    }

    @Test
    void anAcceptedRequirementIsSettled() {
        fixture.given(with(bothReported(), new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), false)))
                .when(new ExtendRequirementDeadline(ORDER, REQUIREMENT_1, DEADLINE_1.plusMonths(1), "mere tid"))
                .expectNoEvents().expectException(violation("compliance-accepted"));
    }

    @Test
    void cannotDecideWithoutAReport() {
        fixture.given(bothVerified()).when(new AcceptCompliance(ORDER))
                .expectNoEvents().expectException(violation("no-report-to-decide"));
    }

    @Test
    void cannotDecideARequirementThatIsNotReported() {
        fixture.given(with(bothVerified(), reported(REQUIREMENT_1)))
                .when(new AcceptCompliance(ORDER, List.of(REQUIREMENT_2)))
                .expectNoEvents().expectException(violation("not-reported"));
        fixture.given(with(bothVerified(), reported(REQUIREMENT_1)))
                .when(new RejectCompliance(ORDER, List.of(new Rejection(REQUIREMENT_2, "nej"))))
                .expectNoEvents().expectException(violation("not-reported"));
    }

    @Test
    void aRejectionNeedsAReasonPerRequirement() {
        fixture.given(bothReported())
                .when(new RejectCompliance(ORDER, List.of(new Rejection(REQUIREMENT_1, "ikke overbevisende"),
                        new Rejection(REQUIREMENT_2, " "))))
                .expectNoEvents().expectException(violation("reason-required"));
    }

    @Test
    void aRejectionNamesTheRequirementsToRework() {
        fixture.given(bothReported())
                .when(new RejectCompliance(ORDER, List.of()))
                .expectNoEvents().expectException(violation("rework-not-named"));
    }

    @Test
    void rejectsOneRequirementAndAcceptsTheOther() {
        fixture.given(bothReported())
                .when(new RejectCompliance(ORDER, List.of(new Rejection(REQUIREMENT_1, "ikke overbevisende"))))
                .expectEvents(ComplianceRejected.of(ORDER, List.of(new Rejection(REQUIREMENT_1,
                        "ikke overbevisende"))));
        fixture.given(with(bothReported(), ComplianceRejected.of(ORDER, List.of(new Rejection(REQUIREMENT_1,
                        "ikke overbevisende")))))
                .when(new AcceptCompliance(ORDER))
                .expectEvents(new ComplianceAccepted(ORDER, List.of(REQUIREMENT_2), false));
    }

    @Test
    void rejectedRequirementsGoBackToWorkAndMustBeVerifiedAgain() {
        fixture.given(with(bothReported(), ComplianceRejected.of(ORDER, List.of(new Rejection(REQUIREMENT_1,
                        "ikke overbevisende")))))
                .when(new SubmitComplianceReport(ORDER, "again", List.of(REQUIREMENT_1)))
                .expectNoEvents().expectException(violation("requirements-not-verified"));
    }

    @Test
    void aWholeReportRejectedBeforeReportsWerePerRequirementLeavesTheOthersVerifiedToReportAgain() {
        fixture.given(with(bothVerified(), new ComplianceReportSubmitted(ORDER, "report"),
                        new ComplianceRejected(ORDER, "not convincing", List.of(REQUIREMENT_1))))
                .when(new SubmitComplianceReport(ORDER, "again"))
                .expectEvents(new ComplianceReportSubmitted(ORDER, "again", List.of(REQUIREMENT_2)));
    }

    @Test
    void anOrderAcceptedBeforeReportsWerePerRequirementClosesAsComplied() {
        fixture.given(with(bothVerified(), new ComplianceReportSubmitted(ORDER, "report"),
                        new ComplianceAccepted(ORDER)))
                .when(new CloseSupervisoryOrder(ORDER, null, OrderOutcome.COMPLIED))
                .expectEvents(new SupervisoryOrderClosed(ORDER, null, false, OrderOutcome.COMPLIED));
    }

    @Test
    void extendsADeadlineToALaterDate() {
        fixture.given(imposed())
                .when(new ExtendRequirementDeadline(ORDER, REQUIREMENT_1, DEADLINE_1.plusMonths(1), "sygdom"))
                .expectEvents(new RequirementDeadlineExtended(ORDER, REQUIREMENT_1, DEADLINE_1,
                        DEADLINE_1.plusMonths(1), "sygdom"));
    }

    @Test
    void cannotExtendADeadlineToAnEarlierDate() {
        fixture.given(imposed())
                .when(new ExtendRequirementDeadline(ORDER, REQUIREMENT_1, DEADLINE_1.minusDays(1), "fejl"))
                .expectNoEvents().expectException(violation("deadline-not-later"));
    }

    @Test
    void anExtensionNeedsAReason() {
        fixture.given(imposed())
                .when(new ExtendRequirementDeadline(ORDER, REQUIREMENT_1, DEADLINE_1.plusDays(10), null))
                .expectNoEvents().expectException(violation("reason-required"));
    }

    @Test
    void closesAfterAcceptance() {
        fixture.given(with(bothReported(), new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), false),
                        new ComplianceAccepted(ORDER, List.of(REQUIREMENT_2), true)))
                .when(new CloseSupervisoryOrder(ORDER, null, OrderOutcome.COMPLIED))
                .expectResultMessagePayload(OrderOutcome.COMPLIED)
                .expectEvents(new SupervisoryOrderClosed(ORDER, null, false, OrderOutcome.COMPLIED));
    }

    @Test
    void anOrderClosesAsCompliedOnlyOnceEveryRequirementIsAccepted() {
        fixture.given(bothVerified()).when(new CloseSupervisoryOrder(ORDER, null, OrderOutcome.COMPLIED))
                .expectNoEvents().expectException(violation("not-complied-yet"));
        fixture.given(with(bothReported(), new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), false)))
                .when(new CloseSupervisoryOrder(ORDER, null, OrderOutcome.COMPLIED))
                .expectNoEvents().expectException(violation("not-complied-yet"));
    }

    @Test
    void closingStatesTheOutcome() {
        fixture.given(imposed()).when(new CloseSupervisoryOrder(ORDER, "ingen", null))
                .expectNoEvents().expectException(violation("outcome-required"));
    }

    @Test
    void notCompliedNeedsAReason() {
        fixture.given(imposed()).when(new CloseSupervisoryOrder(ORDER, " ", OrderOutcome.NOT_COMPLIED))
                .expectNoEvents().expectException(violation("reason-required"));
        fixture.given(imposed()).when(new CloseSupervisoryOrder(ORDER, "går videre som sanktion",
                        OrderOutcome.NOT_COMPLIED))
                .expectEvents(new SupervisoryOrderClosed(ORDER, "går videre som sanktion", false,
                        OrderOutcome.NOT_COMPLIED));
    }

    @Test
    void annulledNeedsAnAppealThatAnnulledIt() {
        fixture.given(imposed()).when(new CloseSupervisoryOrder(ORDER, "ophævet", OrderOutcome.ANNULLED))
                .expectNoEvents().expectException(violation("no-annulling-appeal"));
    }

    @Test
    void withdrawingTheOrderNeedsAReason() {
        fixture.given(imposed()).when(new CloseSupervisoryOrder(ORDER, null, OrderOutcome.WITHDRAWN))
                .expectNoEvents().expectException(violation("reason-required"));
        fixture.given(imposed()).when(new CloseSupervisoryOrder(ORDER, "fejlagtigt påbud", OrderOutcome.WITHDRAWN))
                .expectEvents(new SupervisoryOrderClosed(ORDER, "fejlagtigt påbud", true, OrderOutcome.WITHDRAWN));
    }

    @Test
    void aClosedOrderAcceptsNoCommand() {
        fixture.given(imposed(), new SupervisoryOrderClosed(ORDER, "trukket tilbage", true))
                .when(new SubmitActionPlan(ORDER, REQUIREMENT_1, "plan", "leader", List.of()))
                .expectNoEvents().expectException(violation("order-closed"));
    }

    @Test
    void imposingSchedulesAPersistentDeadlinePerRequirement() {
        fixture.givenNoPriorActivity()
                .when(SupervisoryOrderTest.impose(List.of(SupervisoryOrderTest.documentMethod(DEADLINE_1))))
                .expectScheduledDeadline(java.time.Duration.between(fixture.currentTime(),
                        DEADLINE_1.plusDays(1).atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant()),
                        new RequirementDeadline(REQUIREMENT_1, DEADLINE_1));
    }

    @Test
    void anUnverifiedRequirementMissesItsDeadline() {
        fixture.givenCommands(SupervisoryOrderTest.impose(List.of(SupervisoryOrderTest.documentMethod(DEADLINE_1))))
                .whenThenTimeAdvancesTo(endOf(DEADLINE_1))
                .expectEvents(new RequirementDeadlineMissed(ORDER, REQUIREMENT_1, DEADLINE_1));
    }

    @Test
    void verificationCancelsTheDeadline() {
        fixture.givenCommands(SupervisoryOrderTest.impose(List.of(SupervisoryOrderTest.documentMethod(DEADLINE_1))))
                .andGiven(methodGoal(), measured(REQUIREMENT_1, MEASURED_95, 95, ISSUED.plusMonths(1)),
                        verified(REQUIREMENT_1, INSIGHT_1, MEASURED_95))
                .whenThenTimeAdvancesTo(endOf(DEADLINE_1))
                .expectNoEvents();
    }

    @Test
    void anExtensionMovesTheDeadline() {
        LocalDate later = DEADLINE_1.plusMonths(1);
        fixture.givenCommands(SupervisoryOrderTest.impose(List.of(SupervisoryOrderTest.documentMethod(DEADLINE_1))),
                        new ExtendRequirementDeadline(ORDER, REQUIREMENT_1, later, "sygdom"))
                .whenThenTimeAdvancesTo(endOf(later))
                .expectEvents(new RequirementDeadlineMissed(ORDER, REQUIREMENT_1, later));
    }

    @Test
    void onlyAnInspectorOfTheImposingAuthorityDecides() {
        fixture.given(with(bothVerified(), new ComplianceReportSubmitted(ORDER, "report")))
                .when(new AcceptCompliance(ORDER), Actors.OTHER_INSPECTOR)
                .expectNoEvents().expectException(violation("not-visible"));
        fixture.given(with(bothVerified(), new ComplianceReportSubmitted(ORDER, "report")))
                .when(new AcceptCompliance(ORDER), Actors.LEADER)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void onlyALeaderOfTheOrganisationFollowsUp() {
        fixture.given(imposed())
                .when(new AcknowledgeSupervisoryOrder(ORDER), Actors.OTHER_LEADER)
                .expectNoEvents().expectException(violation("not-visible"));
        fixture.given(imposed())
                .when(new AcknowledgeSupervisoryOrder(ORDER), Actors.professional("paedagog"))
                .expectNoEvents().expectException(violation("not-visible"));
        fixture.given(imposed())
                .when(new AcknowledgeSupervisoryOrder(ORDER), Actors.INSPECTOR)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void anInspectorImposesOrdersOnlyForTheirOwnAuthority() {
        fixture.givenNoPriorActivity()
                .when(SupervisoryOrderTest.impose(List.of(SupervisoryOrderTest.documentMethod(DEADLINE_1))),
                        Actors.OTHER_INSPECTOR)
                .expectNoEvents().expectException(violation("not-your-authority"));
        fixture.givenNoPriorActivity()
                .when(SupervisoryOrderTest.impose(List.of(SupervisoryOrderTest.documentMethod(DEADLINE_1))),
                        Actors.LEADER)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    private static java.time.Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant().plusSeconds(1);
    }
}
