package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.WorkQueue;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.pages.PageController;
import dk.tilsynsspor.query.web.InvalidParameterException;
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

    /** The longest organisation id an order can name (the summary's column). */
    private static final int ORGANISATION_AT_MOST = 255;

    private final OrderReads reads;
    private final CurrentActor currentActor;

    WorkQueuePage(OrderReads reads, CurrentActor currentActor) {
        this.reads = reads;
        this.currentActor = currentActor;
    }

    @GetMapping("/arbejdsliste")
    String workQueue(@RequestParam(required = false) String organisation, Model model) {
        if (currentActor.get().role() != Role.INSPECTOR) {
            throw new AccessDeniedException("the work queue is the inspectors'");
        }
        String chosen = organisation == null || organisation.isBlank() ? null : organisation.strip();
        if (chosen != null && chosen.length() > ORGANISATION_AT_MOST) {
            throw new InvalidParameterException("organisation", "En organisations id har højst "
                    + ORGANISATION_AT_MOST + " tegn.");
        }
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
