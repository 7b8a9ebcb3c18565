package dk.tilsynsspor.query.casework;

import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(operationId = "getCase", tags = "cases", summary = "The case view",
            description = "Team, development themes, learning sessions and their insights, for whoever may see the case.")
    @GetMapping("/api/cases/{caseId}")
    CaseView caseView(@PathVariable UUID caseId) {
        return reads.caseView(caseId);
    }
}
