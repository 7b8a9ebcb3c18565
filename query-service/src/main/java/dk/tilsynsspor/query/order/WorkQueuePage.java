package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.WorkQueue;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The inspector's work queue ({@link WorkQueue}): what waits for the authority — notices, reports awaiting a
 * decision, action plans not yet reviewed, requests for a later deadline not yet answered, requirements past their
 * deadline, orders under skærpet tilsyn, and the closed orders still published.
 */
@PageController
class WorkQueuePage {

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
        WorkQueue queue = reads.workQueue();
        model.addAttribute("plans", queue.plans());
        model.addAttribute("extensions", queue.extensions());
        model.addAttribute("notices", queue.notices());
        model.addAttribute("reports", queue.reports());
        model.addAttribute("overdue", queue.overdue());
        model.addAttribute("escalated", queue.escalated());
        model.addAttribute("stillPublished", queue.stillPublished());
        return "arbejdsliste";
    }
}
