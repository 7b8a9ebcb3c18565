package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.DefineQualityGoal;
import dk.tilsynsspor.core.order.GiveNoticeOfOrder;
import dk.tilsynsspor.core.order.Milestone;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.SubmitActionPlan;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dk.tilsynsspor.command.order.OrderFlowTest.imposed;
import static dk.tilsynsspor.command.order.OrderFlowTest.restraintGoal;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_1;
import static dk.tilsynsspor.command.rules.Violations.violation;

/**
 * A command whose idempotency key the order's own events carry was applied: its repeat applies nothing and is answered
 * as the first time, whichever instance it reaches and however long after (ADR 18).
 */
class RepeatedCommandsTest {

    private static final List<Milestone> MILESTONES = List.of();

    private AggregateTestFixture<SupervisoryOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
    }

    private static MetaData leaderWithKey(String key) {
        return Actors.LEADER.and(AuditMetadata.IDEMPOTENCY_KEY, key);
    }

    private static GenericDomainEventMessage<Object> stored(long sequence, Object payload, String key) {
        MetaData metaData = key == null ? Actors.LEADER : leaderWithKey(key);
        return new GenericDomainEventMessage<>("SupervisoryOrder", ORDER.toString(), sequence, payload, metaData);
    }

    private static ActionPlanSubmitted planVersion(int version) {
        return new ActionPlanSubmitted(ORDER, REQUIREMENT_1, version, "v" + version, "leader", MILESTONES);
    }

    @Test
    void aRepeatedKeyIsAnsweredWithTheFirstAnswerAndAppliesNothing() {
        fixture.given(List.of(stored(0, imposed(), null), stored(1, planVersion(1), "key-1")))
                .when(new SubmitActionPlan(ORDER, REQUIREMENT_1, "v1", "leader", MILESTONES), leaderWithKey("key-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void theKeyIsRecognisedAfterLaterCommandsChangedTheAnswerAnotherCommandWouldGet() {
        fixture.given(List.of(stored(0, imposed(), null), stored(1, planVersion(1), "key-1"),
                        stored(2, planVersion(2), "key-2"), stored(3, restraintGoal(), "key-3")))
                .when(new SubmitActionPlan(ORDER, REQUIREMENT_1, "v1", "leader", MILESTONES), leaderWithKey("key-1"))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void aKeyOnlyAMemberHandledIsRecognisedToo() {
        // a quality goal is the requirement's own event: the order's root sees it only through its catch-all
        QualityGoalDefined goal = restraintGoal();
        fixture.given(List.of(stored(0, imposed(), null), stored(1, goal, "key-goal")))
                .when(new DefineQualityGoal(ORDER, goal.requirementId(), goal.indicator(), goal.unit(),
                        goal.baseline(), goal.target(), goal.direction()), leaderWithKey("key-goal"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherKeyIsAnotherCommand() {
        fixture.given(List.of(stored(0, imposed(), null), stored(1, planVersion(1), "key-1")))
                .when(new SubmitActionPlan(ORDER, REQUIREMENT_1, "v2", "leader", MILESTONES), leaderWithKey("key-2"))
                .expectEvents(planVersion(2))
                .expectResultMessagePayload(2);
    }

    @Test
    void aCommandWithoutAKeyIsNeverTakenForARepeat() {
        fixture.given(List.of(stored(0, imposed(), null), stored(1, planVersion(1), null)))
                .when(new SubmitActionPlan(ORDER, REQUIREMENT_1, "v2", "leader", MILESTONES))
                .expectEvents(planVersion(2));
    }

    @Test
    void aRepeatedNoticeIsRecognisedAndAnotherNoticeUnderItsIdIsRefused() {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), RequirementDeadline.ZONE);
        var drafts = List.of(SupervisoryOrderTest.documentMethod(today.plusMonths(3)));
        var notice = new GiveNoticeOfOrder(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-1",
                "Lov om socialtilsyn § 8", today, "Varsel", drafts, today.plusDays(14));
        var given = new NoticeOfOrderGiven(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-1",
                "Lov om socialtilsyn § 8", today, "Varsel", drafts, today.plusDays(14));
        MetaData inspectorWithKey = Actors.INSPECTOR.and(AuditMetadata.IDEMPOTENCY_KEY, "key-notice");
        fixture.given(List.of(new GenericDomainEventMessage<>("SupervisoryOrder", ORDER.toString(), 0, given,
                        inspectorWithKey)))
                .when(notice, inspectorWithKey)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(List.of(new GenericDomainEventMessage<>("SupervisoryOrder", ORDER.toString(), 0, given,
                        inspectorWithKey)))
                .when(notice, Actors.INSPECTOR.and(AuditMetadata.IDEMPOTENCY_KEY, "another-key"))
                .expectNoEvents()
                .expectException(violation("order-exists"));
    }
}
