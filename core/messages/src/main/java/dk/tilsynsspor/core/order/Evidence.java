package dk.tilsynsspor.core.order;

import java.util.List;
import java.util.UUID;

/** What a verification cites: insights recorded for the requirement and measurements of its goal. */
public record Evidence(
        List<UUID> insightIds,
        List<UUID> measurementIds) {
}
