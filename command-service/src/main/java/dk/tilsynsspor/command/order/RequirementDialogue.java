package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.ActionPlanReviewed;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.CommentOnRequirement;
import dk.tilsynsspor.core.order.DeadlineExtensionRefused;
import dk.tilsynsspor.core.order.DeadlineExtensionRequested;
import dk.tilsynsspor.core.order.PlanVerdict;
import dk.tilsynsspor.core.order.RefuseDeadlineExtension;
import dk.tilsynsspor.core.order.RequestDeadlineExtension;
import dk.tilsynsspor.core.order.RequirementCommented;
import dk.tilsynsspor.core.order.RequirementDeadlineExtended;
import dk.tilsynsspor.core.order.ReviewActionPlan;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The dialogue of one requirement's follow-up between the authority and the organisation (Socialstyrelsen's
 * "learning dialogue"): the comment thread, the authority's review of each action plan version, and the
 * organisation's requests for a later deadline with the authority's answers. An entity of {@link OrderRequirement},
 * which hands it the requirement's commands and events.
 */
final class RequirementDialogue {

    private final OrderRequirement requirement;
    private int planVersions;
    private final Set<Integer> reviewedVersions = new HashSet<>();
    private final Set<UUID> extensionRequests = new HashSet<>();
    private UUID openRequest;

    RequirementDialogue(OrderRequirement requirement) {
        this.requirement = requirement;
    }

    @CommandHandler
    void handle(CommentOnRequirement command) {
        requirement.order().assertNotClosed();
        RuleViolation.requireText(command.text(), "comment-empty", "A comment needs its text.");
        apply(new RequirementCommented(command.orderId(), command.requirementId(), command.commentId(),
                command.text()));
    }

    @CommandHandler
    void handle(ReviewActionPlan command) {
        requirement.order().assertNotClosed();
        if (command.version() < 1 || command.version() > planVersions) {
            throw RuleViolation.notFound("unknown-plan-version", "The action plan of "
                    + requirement.describe() + " has no version " + command.version() + ".");
        }
        if (reviewedVersions.contains(command.version())) {
            throw RuleViolation.conflict("plan-already-reviewed", "Version " + command.version()
                    + " of the action plan of " + requirement.describe() + " is reviewed already.");
        }
        if (command.verdict() == null) {
            throw RuleViolation.unprocessable("review-incomplete", "A review needs its verdict.").at("verdict");
        }
        if (command.verdict() == PlanVerdict.NEEDS_CHANGES
                && (command.remarks() == null || command.remarks().isBlank())) {
            throw RuleViolation.unprocessable("review-incomplete",
                    "A plan that needs changes needs remarks saying which.").at("remarks");
        }
        apply(new ActionPlanReviewed(command.orderId(), command.requirementId(), command.version(),
                command.verdict(), command.remarks()));
    }

    @CommandHandler
    void handle(RequestDeadlineExtension command) {
        requirement.order().assertChangeable();
        requirement.assertNotSettled();
        OrderRules.requireReason(command.reason(), "An extension request");
        if (openRequest != null) {
            throw RuleViolation.conflict("extension-request-open", "An extension request for "
                    + requirement.describe() + " awaits the authority's answer already.");
        }
        OrderRules.assertLater(command.proposedDeadline(), requirement, "proposedDeadline");
        apply(new DeadlineExtensionRequested(command.orderId(), command.requirementId(), command.requestId(),
                requirement.deadline(), command.proposedDeadline(), command.reason()));
    }

    @CommandHandler
    void handle(RefuseDeadlineExtension command) {
        requirement.order().assertNotClosed();
        assertOpen(command.requestId());
        OrderRules.requireReason(command.reason(), "A refusal");
        apply(new DeadlineExtensionRefused(command.orderId(), command.requirementId(), command.requestId(),
                command.reason()));
    }

    /**
     * The extension request an extension of the deadline answers: the one named, which must be open, or else the
     * open one, if any.
     */
    UUID answeredBy(UUID named) {
        if (named != null) {
            assertOpen(named);
            return named;
        }
        return openRequest;
    }

    private void assertOpen(UUID requestId) {
        if (requestId == null || !extensionRequests.contains(requestId)) {
            throw RuleViolation.notFound("unknown-extension-request", "There is no extension request "
                    + requestId + " for " + requirement.describe() + ".");
        }
        if (!requestId.equals(openRequest)) {
            throw RuleViolation.conflict("extension-request-answered",
                    "The extension request " + requestId + " is answered already.");
        }
    }

    @EventSourcingHandler
    void on(ActionPlanSubmitted event) {
        planVersions = event.version();
    }

    @EventSourcingHandler
    void on(ActionPlanReviewed event) {
        reviewedVersions.add(event.version());
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRequested event) {
        extensionRequests.add(event.requestId());
        openRequest = event.requestId();
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRefused event) {
        openRequest = null;
    }

    @EventSourcingHandler
    void on(RequirementDeadlineExtended event) {
        openRequest = null;
    }

    OrderSnapshot.Dialogue snapshot() {
        return new OrderSnapshot.Dialogue(planVersions, Set.copyOf(reviewedVersions), Set.copyOf(extensionRequests),
                openRequest);
    }

    void restore(OrderSnapshot.Dialogue state) {
        planVersions = state.planVersions();
        reviewedVersions.addAll(state.reviewedVersions());
        extensionRequests.addAll(state.extensionRequests());
        openRequest = state.openRequest();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequirementDialogue that && planVersions == that.planVersions
                && reviewedVersions.equals(that.reviewedVersions) && extensionRequests.equals(that.extensionRequests)
                && Objects.equals(openRequest, that.openRequest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(planVersions, openRequest);
    }
}
