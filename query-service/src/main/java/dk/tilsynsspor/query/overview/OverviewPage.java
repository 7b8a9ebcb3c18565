package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.order.query.OrganisationOverview;
import dk.tilsynsspor.query.casework.CaseReads;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Overblik: the leader's view of their organisation, and its cases that serve no order. */
@PageController
class OverviewPage {

    private final OverviewReads overviews;
    private final CaseReads cases;

    OverviewPage(OverviewReads overviews, CaseReads cases) {
        this.overviews = overviews;
        this.cases = cases;
    }

    @GetMapping("/overblik")
    String overview(Model model) {
        OrganisationOverview overview = overviews.ownOverview();
        model.addAttribute("overview", overview);
        model.addAttribute("dueSoonDays", OverviewReads.DUE_SOON_DAYS);
        model.addAttribute("withoutOrder", cases.casesWithoutAnOrder(overview.organisationId()));
        model.addAttribute("orderOfCase", orderOfCase(overview));
        return "overblik";
    }

    /**
     * Each case's order, by its reference: a citizen may have a case in more than one order, and a list of cases by
     * citizen alone would show the same name twice. A case serving no order is not in it.
     */
    static Map<UUID, String> orderOfCase(OrganisationOverview overview) {
        Map<UUID, String> references = new HashMap<>();
        overview.openOrders().forEach(order -> references.put(order.orderId(), order.reference()));
        Map<UUID, String> orderOfCase = new HashMap<>();
        overview.teams().stream().filter(team -> references.containsKey(team.orderId()))
                .forEach(team -> orderOfCase.put(team.caseId(), references.get(team.orderId())));
        return orderOfCase;
    }
}
