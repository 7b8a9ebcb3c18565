package dk.tilsynsspor.core.order.query;

import java.time.Instant;
import java.util.UUID;

/** Where the order is (or was) published; the withdrawal's fields are null while it is up. */
public record Publication(
        UUID publicationId,
        String place,
        String url,
        Instant publishedAt,
        String publishedBy,
        Instant withdrawnAt,
        String withdrawnBy,
        String withdrawalReason) {

    public boolean active() {
        return withdrawnAt == null;
    }

    public Publication withdrawn(Instant at, String by, String reason) {
        return new Publication(publicationId, place, url, publishedAt, publishedBy, at, by, reason);
    }
}
