package dk.tilsynsspor.core.order;

import java.util.List;
import java.util.UUID;

/**
 * What a verification cites: insights recorded for the requirement, measurements of its goal, and documents attached
 * for it ({@code documentIds}: null in events of the first round).
 */
public record Evidence(
        List<UUID> insightIds,
        List<UUID> measurementIds,
        List<UUID> documentIds) {

    public Evidence(List<UUID> insightIds, List<UUID> measurementIds) {
        this(insightIds, measurementIds, List.of());
    }

    public List<UUID> insights() {
        return insightIds == null ? List.of() : insightIds;
    }

    public List<UUID> measurements() {
        return measurementIds == null ? List.of() : measurementIds;
    }

    public List<UUID> documents() {
        return documentIds == null ? List.of() : documentIds;
    }
}
