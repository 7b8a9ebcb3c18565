package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.core.order.AcceptCompliance;
import dk.tilsynsspor.core.order.Amendment;
import dk.tilsynsspor.core.order.AppealDecided;
import dk.tilsynsspor.core.order.AppealOutcome;
import dk.tilsynsspor.core.order.AppealRegistered;
import dk.tilsynsspor.core.order.CloseSupervisoryOrder;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.RecordAppealDecision;
import dk.tilsynsspor.core.order.RegisterAppeal;
import dk.tilsynsspor.core.order.RequirementAmended;
import dk.tilsynsspor.core.order.RequirementAnnulled;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.SubmitActionPlan;
import dk.tilsynsspor.core.order.SubmitComplianceReport;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dk.tilsynsspor.command.order.OrderFlowTest.bothVerified;
import static dk.tilsynsspor.command.order.OrderFlowTest.reported;
import static dk.tilsynsspor.command.order.OrderFlowTest.with;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_1;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_2;
import static dk.tilsynsspor.command.rules.Violations.violation;

/** Appeals to Ankestyrelsen: registered (late recorded, not refused) and decided: upheld, amended, annulled. */
class OrderAppealsTest {

    static final UUID APPEAL = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private AggregateTestFixture<SupervisoryOrder> fixture;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
        today = LocalDate.ofInstant(fixture.currentTime(), RequirementDeadline.ZONE);
    }

    private SupervisoryOrderImposed imposedOn(LocalDate issuedOn) {
        return new SupervisoryOrderImposed(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-2026-0042",
                "Lov om socialtilsyn § 8", issuedOn, "Påbud", List.of(
                SupervisoryOrderTest.documentMethod(issuedOn.plusMonths(3)),
                SupervisoryOrderTest.lowArousal(issuedOn.plusMonths(6))));
    }

    private SupervisoryOrderImposed imposed() {
        return imposedOn(today.minusDays(10));
    }

    private AppealRegistered appealed(UUID... requirements) {
        return new AppealRegistered(ORDER, APPEAL, today.minusDays(2), List.of(requirements), false);
    }

    private RecordAppealDecision decide(AppealOutcome outcome, List<Amendment> amendments) {
        return new RecordAppealDecision(ORDER, APPEAL, outcome, today, "Ankestyrelsens afgørelse", amendments);
    }

    private Amendment reworded() {
        return new Amendment(REQUIREMENT_2, "Low arousal, præciseret", "staff use low arousal in the evenings",
                today.plusMonths(8));
    }

    @Test
    void registersAnAppealWithinFourWeeks() {
        fixture.given(imposed())
                .when(new RegisterAppeal(ORDER, APPEAL, today.minusDays(2), List.of(REQUIREMENT_2)))
                .expectResultMessagePayload(APPEAL)
                .expectEvents(appealed(REQUIREMENT_2));
    }

    @Test
    void anAppealLodgedMoreThanFourWeeksAfterTheOrderIsRecordedAsLate() {
        fixture.given(imposedOn(today.minusWeeks(6)))
                .when(new RegisterAppeal(ORDER, APPEAL, today, List.of(REQUIREMENT_2)))
                .expectEvents(new AppealRegistered(ORDER, APPEAL, today, List.of(REQUIREMENT_2), true));
    }

    @Test
    void anAppealWithoutNamedRequirementsAppealsEveryOneStanding() {
        fixture.given(imposed())
                .when(new RegisterAppeal(ORDER, APPEAL, today, null), Actors.INSPECTOR)
                .expectEvents(new AppealRegistered(ORDER, APPEAL, today, List.of(REQUIREMENT_1, REQUIREMENT_2),
                        false));
    }

    @Test
    void anAppealIsLodgedBetweenTheOrdersIssueAndToday() {
        fixture.given(imposed())
                .when(new RegisterAppeal(ORDER, APPEAL, today.plusDays(1), List.of(REQUIREMENT_2)))
                .expectNoEvents().expectException(violation("lodged-outside-order"));
        fixture.given(imposed())
                .when(new RegisterAppeal(ORDER, APPEAL, today.minusDays(11), List.of(REQUIREMENT_2)))
                .expectNoEvents().expectException(violation("lodged-outside-order"));
    }

    @Test
    void aRequirementHasOneOpenAppealAtATime() {
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(new RegisterAppeal(ORDER, UUID.randomUUID(), today, List.of(REQUIREMENT_2)))
                .expectNoEvents().expectException(violation("appeal-open"));
    }

    @Test
    void anAppealNamingNoRequirementTakesThoseNoOpenAppealHoldsAndNoneWhenEveryOneIsHeld() {
        UUID second = UUID.randomUUID();
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(new RegisterAppeal(ORDER, second, today, null))
                .expectEvents(new AppealRegistered(ORDER, second, today, List.of(REQUIREMENT_1), false));
        fixture.given(imposed(), appealed(REQUIREMENT_1, REQUIREMENT_2))
                .when(new RegisterAppeal(ORDER, second, today, null))
                .expectNoEvents().expectException(violation("nothing-to-appeal"));
    }

    @Test
    void anAcceptedRequirementCannotBeAppealed() {
        fixture.given(with(bothVerified(), reported(REQUIREMENT_1),
                        new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), false)))
                .when(new RegisterAppeal(ORDER, APPEAL, SupervisoryOrderTest.ISSUED.plusDays(3),
                        List.of(REQUIREMENT_1)))
                .expectNoEvents().expectException(violation("compliance-accepted"));
    }

    @Test
    void anotherOrganisationsLeaderCannotAppeal() {
        fixture.given(imposed())
                .when(new RegisterAppeal(ORDER, APPEAL, today, List.of(REQUIREMENT_2)), Actors.OTHER_LEADER)
                .expectNoEvents().expectException(violation("not-visible"));
    }

    @Test
    void anUpheldOrderStandsAsItWas() {
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.UPHELD, List.of()))
                .expectEvents(new AppealDecided(ORDER, APPEAL, AppealOutcome.UPHELD, today,
                        "Ankestyrelsens afgørelse"));
    }

    @Test
    void anAmendingDecisionAmendsEachNamedRequirementAndMovesItsDeadline() {
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.AMENDED, List.of(reworded())))
                .expectEvents(new AppealDecided(ORDER, APPEAL, AppealOutcome.AMENDED, today,
                                "Ankestyrelsens afgørelse"),
                        new RequirementAmended(ORDER, REQUIREMENT_2, APPEAL, "Low arousal, præciseret",
                                "staff use low arousal in the evenings", today.minusDays(10).plusMonths(6),
                                today.plusMonths(8)))
                .expectScheduledDeadline(java.time.Duration.between(fixture.currentTime(),
                                new RequirementDeadline(REQUIREMENT_2, today.plusMonths(8)).passesAt()),
                        new RequirementDeadline(REQUIREMENT_2, today.plusMonths(8)));
    }

    @Test
    void anAmendedRequirementIsFollowedUpAgain() {
        fixture.given(with(bothVerified(), new AppealRegistered(ORDER, APPEAL, SupervisoryOrderTest.ISSUED,
                        List.of(REQUIREMENT_2), false), new AppealDecided(ORDER, APPEAL, AppealOutcome.AMENDED,
                        SupervisoryOrderTest.ISSUED.plusDays(5), "r"), new RequirementAmended(ORDER, REQUIREMENT_2,
                        APPEAL, "ny", "ny ændring", SupervisoryOrderTest.ISSUED.plusMonths(6),
                        SupervisoryOrderTest.ISSUED.plusMonths(8))))
                .when(new SubmitComplianceReport(ORDER, "rapport", List.of(REQUIREMENT_2)))
                .expectNoEvents().expectException(violation("requirements-not-verified"));
    }

    @Test
    void amendmentsCarryTheNewTextAndDeadlineOfAppealedRequirementsOnly() {
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.AMENDED, List.of()))
                .expectNoEvents().expectException(violation("amendments-required"));
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.AMENDED, List.of(new Amendment(REQUIREMENT_1, "t", "c",
                        today.plusMonths(1)))))
                .expectNoEvents().expectException(violation("amendment-outside-appeal"));
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.AMENDED, List.of(new Amendment(REQUIREMENT_2, " ", "c",
                        today.plusMonths(1)))))
                .expectNoEvents().expectException(violation("amendment-incomplete"));
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.UPHELD, List.of(reworded())))
                .expectNoEvents().expectException(violation("amendments-only-when-amended"));
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.AMENDED, List.of(new Amendment(REQUIREMENT_2, "t", "c",
                        today.minusDays(1)))))
                .expectNoEvents().expectException(violation("deadline-before-decision"));
    }

    @Test
    void annullingSomeRequirementsLeavesTheOthersStanding() {
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.ANNULLED, List.of()))
                .expectEvents(new AppealDecided(ORDER, APPEAL, AppealOutcome.ANNULLED, today,
                                "Ankestyrelsens afgørelse"),
                        new RequirementAnnulled(ORDER, REQUIREMENT_2, APPEAL));
        fixture.given(imposed(), appealed(REQUIREMENT_2), new AppealDecided(ORDER, APPEAL, AppealOutcome.ANNULLED,
                        today, "r"), new RequirementAnnulled(ORDER, REQUIREMENT_2, APPEAL))
                .when(new SubmitActionPlan(ORDER, REQUIREMENT_2, "plan", "leder", List.of()))
                .expectNoEvents().expectException(violation("requirement-annulled"));
    }

    @Test
    void annullingEveryRequirementEndsTheOrderAsAnnulled() {
        fixture.given(imposed(), appealed(REQUIREMENT_1, REQUIREMENT_2))
                .when(decide(AppealOutcome.ANNULLED, List.of()))
                .expectEvents(new AppealDecided(ORDER, APPEAL, AppealOutcome.ANNULLED, today,
                                "Ankestyrelsens afgørelse"),
                        new RequirementAnnulled(ORDER, REQUIREMENT_1, APPEAL),
                        new RequirementAnnulled(ORDER, REQUIREMENT_2, APPEAL),
                        new SupervisoryOrderClosed(ORDER, "Ankestyrelsens afgørelse", false, OrderOutcome.ANNULLED));
    }

    @Test
    void anOrderWhoseOtherRequirementsAreAcceptedClosesAsCompliedOrAsAnnulled() {
        Object[] partlyAnnulled = with(bothVerified(), new AppealRegistered(ORDER, APPEAL, SupervisoryOrderTest.ISSUED,
                        List.of(REQUIREMENT_2), false), new AppealDecided(ORDER, APPEAL, AppealOutcome.ANNULLED,
                        SupervisoryOrderTest.ISSUED.plusDays(5), "r"),
                new RequirementAnnulled(ORDER, REQUIREMENT_2, APPEAL), reported(REQUIREMENT_1));
        fixture.given(partlyAnnulled).when(new AcceptCompliance(ORDER))
                .expectEvents(new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), true));
        fixture.given(with(partlyAnnulled, new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), true)))
                .when(new CloseSupervisoryOrder(ORDER, null, OrderOutcome.COMPLIED))
                .expectEvents(new SupervisoryOrderClosed(ORDER, null, false, OrderOutcome.COMPLIED));
        fixture.given(partlyAnnulled).when(new CloseSupervisoryOrder(ORDER, "delvist ophævet", OrderOutcome.ANNULLED))
                .expectEvents(new SupervisoryOrderClosed(ORDER, "delvist ophævet", false, OrderOutcome.ANNULLED));
    }

    @Test
    void anAppealIsDecidedOnceAndOnlyByTheAuthority() {
        fixture.given(imposed(), appealed(REQUIREMENT_2), new AppealDecided(ORDER, APPEAL, AppealOutcome.UPHELD,
                        today, "r"))
                .when(decide(AppealOutcome.UPHELD, List.of()))
                .expectNoEvents().expectException(violation("appeal-decided"));
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(decide(AppealOutcome.UPHELD, List.of()), Actors.LEADER)
                .expectNoEvents().expectException(violation("wrong-role"));
        fixture.given(imposed())
                .when(decide(AppealOutcome.UPHELD, List.of()))
                .expectNoEvents().expectException(violation("unknown-appeal"));
    }

    @Test
    void aDecisionStatesItsDayAndReason() {
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(new RecordAppealDecision(ORDER, APPEAL, AppealOutcome.UPHELD, today.minusDays(3), "r",
                        List.of()))
                .expectNoEvents().expectException(violation("appeal-decision-day"));
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(new RecordAppealDecision(ORDER, APPEAL, AppealOutcome.UPHELD, today.plusDays(1), "r",
                        List.of()))
                .expectNoEvents().expectException(violation("appeal-decision-day"));
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(new RecordAppealDecision(ORDER, APPEAL, AppealOutcome.UPHELD, null, "r", List.of()))
                .expectNoEvents().expectException(violation("appeal-decision-incomplete"));
        fixture.given(imposed(), appealed(REQUIREMENT_2))
                .when(new RecordAppealDecision(ORDER, APPEAL, AppealOutcome.UPHELD, today, " ", List.of()))
                .expectNoEvents().expectException(violation("reason-required"));
    }

    @Test
    void deadlinesKeepRunningWhileAnAppealIsOpen() {
        LocalDate deadline = SupervisoryOrderTest.ISSUED.plusMonths(3);
        fixture.givenCommands(SupervisoryOrderTest.impose(List.of(SupervisoryOrderTest.documentMethod(deadline))),
                        new RegisterAppeal(ORDER, APPEAL, SupervisoryOrderTest.ISSUED.plusDays(1),
                                List.of(REQUIREMENT_1)))
                .whenThenTimeAdvancesTo(new RequirementDeadline(REQUIREMENT_1, deadline).passesAt())
                .expectEvents(new RequirementDeadlineMissed(ORDER, REQUIREMENT_1, deadline));
    }
}
