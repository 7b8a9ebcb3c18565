package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.command.lookup.DocumentDirectory;
import dk.tilsynsspor.command.lookup.InsightDirectory;
import dk.tilsynsspor.core.order.ActionPlanReviewed;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.CommentOnRequirement;
import dk.tilsynsspor.core.order.DeadlineExtensionRefused;
import dk.tilsynsspor.core.order.DeadlineExtensionRequested;
import dk.tilsynsspor.core.order.ExtendRequirementDeadline;
import dk.tilsynsspor.core.order.PlanVerdict;
import dk.tilsynsspor.core.order.RefuseDeadlineExtension;
import dk.tilsynsspor.core.order.RequestDeadlineExtension;
import dk.tilsynsspor.core.order.RequirementCommented;
import dk.tilsynsspor.core.order.RequirementDeadlineExtended;
import dk.tilsynsspor.core.order.ReviewActionPlan;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dk.tilsynsspor.command.order.OrderFlowTest.DEADLINE_2;
import static dk.tilsynsspor.command.order.OrderFlowTest.imposed;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ISSUED;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_2;
import static dk.tilsynsspor.command.rules.Violations.violation;

/**
 * The dialogue of a requirement's follow-up (domain, second round, part 1): the comment thread, the authority's
 * review of action plan versions, the organisation's extension requests and their answers. One test per rule.
 */
class RequirementDialogueTest {

    private static final UUID COMMENT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID OTHER_REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000d2");

    private AggregateTestFixture<SupervisoryOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
        fixture.registerInjectableResource((InsightDirectory) id -> Optional.empty());
        fixture.registerInjectableResource((DocumentDirectory) id -> Optional.empty());
    }

    private static ActionPlanSubmitted plan(int version) {
        return new ActionPlanSubmitted(ORDER, REQUIREMENT_2, version, "v" + version, "leader", List.of());
    }

    private static DeadlineExtensionRequested requested() {
        return new DeadlineExtensionRequested(ORDER, REQUIREMENT_2, REQUEST, DEADLINE_2, DEADLINE_2.plusMonths(1),
                "kurset er flyttet");
    }

    @Test
    void theInspectorAndTheLeaderCommentOnARequirement() {
        fixture.given(imposed())
                .when(new CommentOnRequirement(ORDER, REQUIREMENT_2, COMMENT, "Hvordan måles det?"),
                        Actors.INSPECTOR)
                .expectEvents(new RequirementCommented(ORDER, REQUIREMENT_2, COMMENT, "Hvordan måles det?"));
        fixture.given(imposed())
                .when(new CommentOnRequirement(ORDER, REQUIREMENT_2, COMMENT, "Månedligt"), Actors.LEADER)
                .expectEvents(new RequirementCommented(ORDER, REQUIREMENT_2, COMMENT, "Månedligt"));
    }

    @Test
    void aCommentNeedsItsText() {
        fixture.given(imposed()).when(new CommentOnRequirement(ORDER, REQUIREMENT_2, COMMENT, " "))
                .expectNoEvents().expectException(violation("comment-empty"));
    }

    @Test
    void anotherOrganisationsLeaderCannotCommentNorLearnTheOrderExists() {
        fixture.given(imposed())
                .when(new CommentOnRequirement(ORDER, REQUIREMENT_2, COMMENT, "hej"), Actors.OTHER_LEADER)
                .expectNoEvents().expectException(violation(Access.NOT_VISIBLE));
    }

    @Test
    void aClosedOrderTakesNoComment() {
        fixture.given(imposed(), new SupervisoryOrderClosed(ORDER, "trukket tilbage", true))
                .when(new CommentOnRequirement(ORDER, REQUIREMENT_2, COMMENT, "hej"))
                .expectNoEvents().expectException(violation("order-closed"));
    }

    @Test
    void theInspectorReviewsAnActionPlanVersion() {
        fixture.given(imposed(), plan(1))
                .when(new ReviewActionPlan(ORDER, REQUIREMENT_2, 1, PlanVerdict.NEEDS_CHANGES, "Milepæle mangler"))
                .expectEvents(new ActionPlanReviewed(ORDER, REQUIREMENT_2, 1, PlanVerdict.NEEDS_CHANGES,
                        "Milepæle mangler"));
    }

    @Test
    void onlyAnInspectorReviewsAPlan() {
        fixture.given(imposed(), plan(1))
                .when(new ReviewActionPlan(ORDER, REQUIREMENT_2, 1, PlanVerdict.APPROVED, null), Actors.LEADER)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void aReviewNamesAVersionThatWasSubmitted() {
        fixture.given(imposed(), plan(1))
                .when(new ReviewActionPlan(ORDER, REQUIREMENT_2, 2, PlanVerdict.APPROVED, null))
                .expectNoEvents().expectException(violation("unknown-plan-version"));
    }

    @Test
    void aVersionIsReviewedOnce() {
        fixture.given(imposed(), plan(1), new ActionPlanReviewed(ORDER, REQUIREMENT_2, 1, PlanVerdict.APPROVED, null))
                .when(new ReviewActionPlan(ORDER, REQUIREMENT_2, 1, PlanVerdict.NEEDS_CHANGES, "alligevel"))
                .expectNoEvents().expectException(violation("plan-already-reviewed"));
    }

    @Test
    void aPlanThatNeedsChangesNeedsRemarks() {
        fixture.given(imposed(), plan(1))
                .when(new ReviewActionPlan(ORDER, REQUIREMENT_2, 1, PlanVerdict.NEEDS_CHANGES, ""))
                .expectNoEvents().expectException(violation("review-incomplete"));
    }

    @Test
    void theLeaderAsksForALaterDeadline() {
        fixture.given(imposed())
                .when(new RequestDeadlineExtension(ORDER, REQUIREMENT_2, REQUEST, DEADLINE_2.plusMonths(1),
                        "kurset er flyttet"))
                .expectEvents(requested());
    }

    @Test
    void theProposedDeadlineMustBeLater() {
        fixture.given(imposed())
                .when(new RequestDeadlineExtension(ORDER, REQUIREMENT_2, REQUEST, DEADLINE_2, "samme dag"))
                .expectNoEvents().expectException(violation("deadline-not-later"));
    }

    @Test
    void anExtensionRequestNeedsAReason() {
        fixture.given(imposed())
                .when(new RequestDeadlineExtension(ORDER, REQUIREMENT_2, REQUEST, DEADLINE_2.plusMonths(1), ""))
                .expectNoEvents().expectException(violation("reason-required"));
    }

    @Test
    void oneOpenRequestPerRequirement() {
        fixture.given(imposed(), requested())
                .when(new RequestDeadlineExtension(ORDER, REQUIREMENT_2, OTHER_REQUEST, DEADLINE_2.plusMonths(2),
                        "endnu senere"))
                .expectNoEvents().expectException(violation("extension-request-open"));
    }

    @Test
    void onlyALeaderAsksForAnExtension() {
        fixture.given(imposed())
                .when(new RequestDeadlineExtension(ORDER, REQUIREMENT_2, REQUEST, DEADLINE_2.plusMonths(1), "x"),
                        Actors.INSPECTOR)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void theInspectorRefusesARequestWithAReason() {
        fixture.given(imposed(), requested())
                .when(new RefuseDeadlineExtension(ORDER, REQUIREMENT_2, REQUEST, "fristen er rimelig"))
                .expectEvents(new DeadlineExtensionRefused(ORDER, REQUIREMENT_2, REQUEST, "fristen er rimelig"));
        fixture.given(imposed(), requested())
                .when(new RefuseDeadlineExtension(ORDER, REQUIREMENT_2, REQUEST, " "))
                .expectNoEvents().expectException(violation("reason-required"));
    }

    @Test
    void aRefusedRequestIsAnsweredAndAnotherMayFollow() {
        DeadlineExtensionRefused refused = new DeadlineExtensionRefused(ORDER, REQUIREMENT_2, REQUEST, "nej");
        fixture.given(imposed(), requested(), refused)
                .when(new RefuseDeadlineExtension(ORDER, REQUIREMENT_2, REQUEST, "nej igen"))
                .expectNoEvents().expectException(violation("extension-request-answered"));
        fixture.given(imposed(), requested(), refused)
                .when(new RequestDeadlineExtension(ORDER, REQUIREMENT_2, OTHER_REQUEST, DEADLINE_2.plusMonths(1),
                        "ny begrundelse"))
                .expectEvents(new DeadlineExtensionRequested(ORDER, REQUIREMENT_2, OTHER_REQUEST, DEADLINE_2,
                        DEADLINE_2.plusMonths(1), "ny begrundelse"));
    }

    @Test
    void anUnknownRequestCannotBeRefused() {
        fixture.given(imposed(), requested())
                .when(new RefuseDeadlineExtension(ORDER, REQUIREMENT_2, OTHER_REQUEST, "nej"))
                .expectNoEvents().expectException(violation("unknown-extension-request"));
    }

    @Test
    void extendingTheDeadlineAnswersTheOpenRequest() {
        fixture.given(imposed(), requested())
                .when(new ExtendRequirementDeadline(ORDER, REQUIREMENT_2, DEADLINE_2.plusMonths(1), "bevilget"))
                .expectEvents(new RequirementDeadlineExtended(ORDER, REQUIREMENT_2, DEADLINE_2,
                        DEADLINE_2.plusMonths(1), "bevilget", REQUEST));
        fixture.given(imposed(), requested(), new RequirementDeadlineExtended(ORDER, REQUIREMENT_2, DEADLINE_2,
                        DEADLINE_2.plusMonths(1), "bevilget", REQUEST))
                .when(new RefuseDeadlineExtension(ORDER, REQUIREMENT_2, REQUEST, "for sent"))
                .expectNoEvents().expectException(violation("extension-request-answered"));
    }

    @Test
    void anExtensionNamingARequestNeedsItOpen() {
        fixture.given(imposed())
                .when(new ExtendRequirementDeadline(ORDER, REQUIREMENT_2, DEADLINE_2.plusMonths(1), "x", REQUEST))
                .expectNoEvents().expectException(violation("unknown-extension-request"));
    }

    @Test
    void anExtensionWithoutARequestAnswersNone() {
        fixture.given(imposed())
                .when(new ExtendRequirementDeadline(ORDER, REQUIREMENT_2, ISSUED.plusMonths(9), "tilsynets skøn"))
                .expectEvents(new RequirementDeadlineExtended(ORDER, REQUIREMENT_2, DEADLINE_2, ISSUED.plusMonths(9),
                        "tilsynets skøn", null));
    }
}
