package dk.tilsynsspor.core.order;

/** The authority's review of an action plan version. */
public enum PlanVerdict {
    APPROVED,
    NEEDS_CHANGES
}
