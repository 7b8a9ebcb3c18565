package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.query.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Overblik: the leader's view of their organisation. */
@PageController
class OverviewPage {

    private final OverviewReads overviews;

    OverviewPage(OverviewReads overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/overblik")
    String overview(Model model) {
        model.addAttribute("overview", overviews.ownOverview());
        model.addAttribute("dueSoonDays", OverviewReads.DUE_SOON_DAYS);
        return "overblik";
    }
}
