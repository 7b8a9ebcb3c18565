package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.Remedy;

import java.time.Instant;
import java.util.List;

/** One version of the organisation's answer to a notice. */
public record NoticeAnswer(
        int version,
        String response,
        List<Remedy> remedies,
        Instant answeredAt,
        String answeredBy) {
}
