package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.query.casework.CaseReads;
import dk.tilsynsspor.query.overview.OverviewReads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.UUID;

/** Overblik, the leader's view of their organisation, and the case page. */
@Controller
class OrganisationPages {

    private final OverviewReads overviews;
    private final CaseReads cases;

    OrganisationPages(OverviewReads overviews, CaseReads cases) {
        this.overviews = overviews;
        this.cases = cases;
    }

    @GetMapping("/overblik")
    String overview(Model model) {
        model.addAttribute("overview", overviews.ownOverview());
        model.addAttribute("dueSoonDays", OverviewReads.DUE_SOON_DAYS);
        return "overblik";
    }

    @GetMapping("/sager/{caseId}")
    String caseView(@PathVariable UUID caseId, Model model) {
        model.addAttribute("kase", cases.caseView(caseId));
        return "sag";
    }
}
