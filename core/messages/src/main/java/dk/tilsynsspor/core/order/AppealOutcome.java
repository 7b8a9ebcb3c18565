package dk.tilsynsspor.core.order;

/**
 * Ankestyrelsen's decision on an appeal: the order stands as it was ({@code UPHELD}); the appealed requirements are
 * amended, each with its new text and deadline ({@code AMENDED}); or they are annulled ({@code ANNULLED}), and with
 * them the order when none is left standing.
 */
public enum AppealOutcome {
    UPHELD,
    AMENDED,
    ANNULLED
}
