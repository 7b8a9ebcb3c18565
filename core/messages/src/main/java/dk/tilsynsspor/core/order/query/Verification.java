package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.casework.query.InsightView;

import java.time.Instant;
import java.util.List;

/** The leader's verification and the evidence it cites, resolved to the insights, measurements and
 * documents themselves. */
public record Verification(
        boolean goalMet,
        String conclusion,
        Instant verifiedAt,
        String verifiedBy,
        List<InsightView> citedInsights,
        List<Measurement> citedMeasurements,
        List<EvidenceDocument> citedDocuments) {
}
