package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.UUID;

/** "Mine sager", a professional's cases, and a citizen case: its team, themes, sessions and insights, and its forms. */
@PageController
class CasePage {

    private final CaseReads cases;

    CasePage(CaseReads cases) {
        this.cases = cases;
    }

    /** The cases whose team the professional is on, most recently active first. */
    @GetMapping("/sager")
    String myCases(Model model) {
        model.addAttribute("cases", cases.myCases());
        return "fagperson";
    }

    @GetMapping("/sager/{caseId}")
    String caseView(@PathVariable UUID caseId, Model model) {
        CaseView view = cases.caseView(caseId);
        model.addAttribute("kase", view);
        model.addAttribute("names", Names.of(view.team()));
        model.addAttribute("requirements", cases.requirementTitles(view));
        return "sag";
    }
}
