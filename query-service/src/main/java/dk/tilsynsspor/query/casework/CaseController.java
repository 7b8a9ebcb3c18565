package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.query.CaseView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class CaseController {

    private final CaseReads reads;

    CaseController(CaseReads reads) {
        this.reads = reads;
    }

    /** The case view: team, development themes, learning sessions and their insights. */
    @GetMapping("/api/cases/{caseId}")
    CaseView caseView(@PathVariable UUID caseId) {
        return reads.caseView(caseId);
    }
}
