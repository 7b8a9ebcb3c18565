package dk.tilsynsspor.core.order;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One numbered demand of an order: the practice change required, under which quality theme, by when, and which
 * kinds of evidence its verification must cite ({@code requiredEvidence}; null, as in events of the first round,
 * means {@link EvidenceKind#defaults()}).
 */
public record Requirement(
        UUID requirementId,
        String title,
        String requiredChange,
        QualityTheme qualityTheme,
        LocalDate deadline,
        List<EvidenceKind> requiredEvidence) {

    /** A requirement that needs the default evidence. */
    public Requirement(UUID requirementId, String title, String requiredChange, QualityTheme qualityTheme,
                       LocalDate deadline) {
        this(requirementId, title, requiredChange, qualityTheme, deadline, null);
    }

    /** The kinds of evidence its verification must cite, never empty. */
    public Set<EvidenceKind> evidenceRequired() {
        return requiredEvidence == null || requiredEvidence.isEmpty() ? EvidenceKind.defaults()
                : EnumSet.copyOf(requiredEvidence);
    }
}
