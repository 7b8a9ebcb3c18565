package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.ActionPlanVersion;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.DeadlineExtensionRequest;
import dk.tilsynsspor.core.order.query.ExtensionRequestStatus;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.OrderSummary;
import dk.tilsynsspor.core.order.query.Publication;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.RequirementStatus;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The inspector's work queue: what waits for the authority — notices, reports awaiting a decision, action plans not
 * yet reviewed, requests for a later deadline not yet answered, requirements past their deadline, orders under
 * skærpet tilsyn — over the authority's orders that are not closed, and the ended orders still published. Only those
 * orders are folded: a closed order not published anywhere, or a lapsed notice, is passed over by its summary.
 */
@PageController
class WorkQueuePage {

    /** A report that waits for the inspector's decision. */
    record AwaitingDecision(ComplianceDossier order) {
    }

    /** A requirement past its deadline, and by how many days. */
    record Overdue(ComplianceDossier order, RequirementDossier requirement) {
    }

    /** A requirement's latest action plan, which the authority has not reviewed. */
    record PlanToReview(ComplianceDossier order, RequirementDossier requirement, ActionPlanVersion plan) {
    }

    /** The organisation's request for a later deadline, not yet granted or refused. */
    record ExtensionToAnswer(ComplianceDossier order, RequirementDossier requirement,
                             DeadlineExtensionRequest request) {
    }

    private final OrderReads reads;
    private final CurrentActor currentActor;

    WorkQueuePage(OrderReads reads, CurrentActor currentActor) {
        this.reads = reads;
        this.currentActor = currentActor;
    }

    @GetMapping("/arbejdsliste")
    String workQueue(Model model) {
        if (currentActor.get().role() != Role.INSPECTOR) {
            throw new AccessDeniedException("the work queue is the inspectors'");
        }
        List<ComplianceDossier> reports = new ArrayList<>();
        List<Overdue> overdue = new ArrayList<>();
        List<ComplianceDossier> escalated = new ArrayList<>();
        List<ComplianceDossier> stillPublished = new ArrayList<>();
        List<ComplianceDossier> notices = new ArrayList<>();
        List<PlanToReview> plans = new ArrayList<>();
        List<ExtensionToAnswer> extensions = new ArrayList<>();
        Set<UUID> stillPublishedIds = reads.closedOrdersStillPublished();
        for (OrderSummary summary : reads.orders(null, null).orders()) {
            if (summary.status() == OrderStatus.LAPSED
                    || summary.status() == OrderStatus.CLOSED && !stillPublishedIds.contains(summary.orderId())) {
                continue; // nothing waits for the authority: not folded, however many such orders there are
            }
            ComplianceDossier order = reads.dossier(summary.orderId(), null);
            if (order.status() == OrderStatus.NOTICE) {
                notices.add(order);
                continue;
            }
            if (summary.status() == OrderStatus.CLOSED) {
                if (order.publications().stream().anyMatch(Publication::active)) {
                    stillPublished.add(order);
                }
                continue;
            }
            if (order.status() == OrderStatus.REPORT_SUBMITTED) {
                reports.add(order);
            }
            for (RequirementDossier requirement : order.requirements()) {
                if (requirement.status() == RequirementStatus.OVERDUE) {
                    overdue.add(new Overdue(order, requirement));
                }
                if (requirement.status().settled()) { // nothing of theirs waits for the authority any more
                    continue;
                }
                ActionPlanVersion plan = requirement.latestPlan();
                if (plan != null && plan.review() == null) {
                    plans.add(new PlanToReview(order, requirement, plan));
                }
                requirement.extensionRequests().stream()
                        .filter(request -> request.status() == ExtensionRequestStatus.OPEN)
                        .forEach(request -> extensions.add(new ExtensionToAnswer(order, requirement, request)));
            }
            if (order.escalated()) {
                escalated.add(order);
            }
        }
        reports.sort(Comparator.comparing(order -> order.complianceReport().submittedAt()));
        overdue.sort(Comparator.comparing(item -> item.requirement().deadline()));
        notices.sort(Comparator.comparing(order -> order.notice().responseDue()));
        plans.sort(Comparator.comparing(item -> item.plan().submittedAt()));
        extensions.sort(Comparator.comparing(item -> item.request().requestedAt()));
        model.addAttribute("plans", plans);
        model.addAttribute("extensions", extensions);
        model.addAttribute("notices", notices);
        model.addAttribute("reports", reports);
        model.addAttribute("overdue", overdue);
        model.addAttribute("escalated", escalated);
        model.addAttribute("stillPublished", stillPublished);
        return "arbejdsliste";
    }
}
