package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.WorkQueue;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.pages.PageFormats;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.SortedSet;

/**
 * The inspector's work queue ({@link WorkQueue}): what waits for the authority — notices, reports awaiting a
 * decision, action plans not yet reviewed, requests for a later deadline not yet answered, requirements past their
 * deadline, orders under skærpet tilsyn, and the closed orders still published; all of them, or one organisation's
 * ({@code ?organisation=}, chosen among those something waits for).
 */
@PageController
class WorkQueuePage {

    private final OrderReads reads;
    private final CurrentActor currentActor;
    private final PageFormats formats;

    WorkQueuePage(OrderReads reads, CurrentActor currentActor, PageFormats formats) {
        this.reads = reads;
        this.currentActor = currentActor;
        this.formats = formats;
    }

    @GetMapping("/arbejdsliste")
    String workQueue(@RequestParam(required = false) String organisation, Model model) {
        if (currentActor.get().role() != Role.INSPECTOR) {
            throw new AccessDeniedException("the work queue is the inspectors'");
        }
        String chosen = formats.parseOrganisation(organisation);
        WorkQueue whole = reads.workQueue();
        SortedSet<String> organisations = whole.organisations();
        if (chosen != null) {
            organisations.add(chosen); // chosen, it stays in the list when nothing of it waits any more
        }
        WorkQueue queue = chosen == null ? whole : whole.of(chosen);
        model.addAttribute("organisations", organisations);
        model.addAttribute("organisation", chosen);
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
