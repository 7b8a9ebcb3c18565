package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.Remedy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of the organisation's answer to a notice. */
public record NoticeAnswer(
        int version,
        String response,
        List<Remedy> remedies,
        Instant answeredAt,
        String answeredBy) {

    /** How this answer says the organisation will put right one draft requirement, or null where it says nothing. */
    public String remedyFor(UUID requirementId) {
        return remedies.stream().filter(each -> each.requirementId().equals(requirementId)).map(Remedy::remedy)
                .findFirst().orElse(null);
    }
}
