package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.order.query.OrganisationOverview;
import dk.tilsynsspor.query.casework.CaseReads;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
        return "overblik";
    }
}
