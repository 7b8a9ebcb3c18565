package dk.tilsynsspor.query.overview;

import io.swagger.v3.oas.annotations.Operation;
import dk.tilsynsspor.core.order.query.OrganisationOverview;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OverviewController {

    private final OverviewReads reads;

    OverviewController(OverviewReads reads) {
        this.reads = reads;
    }

    /** The leader's overview of their own organisation. */
    @Operation(operationId = "getOverview", tags = "overview", summary = "The organisation overview",
            description = "For a leader of the organisation: open orders, requirements over or near their deadline, "
                    + "teams and participation, and `awaiting`: the organisation's next steps in its open orders, "
                    + "oldest first (a notice to answer, an order to acknowledge, an action plan the authority "
                    + "asked to change, a requirement sent back, a verified requirement to report), with the "
                    + "authority's remark.")
    @GetMapping("/api/organisations/{organisationId}/overview")
    OrganisationOverview overview(@PathVariable String organisationId) {
        return reads.overview(organisationId);
    }
}
