package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.query.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.UUID;

/** A citizen case: its team, themes, sessions and insights. */
@PageController
class CasePage {

    private final CaseReads cases;

    CasePage(CaseReads cases) {
        this.cases = cases;
    }

    @GetMapping("/sager/{caseId}")
    String caseView(@PathVariable UUID caseId, Model model) {
        model.addAttribute("kase", cases.caseView(caseId));
        return "sag";
    }
}
