package dk.tilsynsspor.query.overview;

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
    @GetMapping("/api/organisations/{organisationId}/overview")
    OrganisationOverview overview(@PathVariable String organisationId) {
        return reads.overview(organisationId);
    }
}
