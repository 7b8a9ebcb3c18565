package dk.tilsynsspor.core.order;

import java.math.BigDecimal;

/** Whether a quality indicator improves by falling (restraint incidents) or by rising (documented plans). */
public enum QualityDirection {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER;

    /** Whether {@code value} reaches {@code target}. */
    public boolean reaches(BigDecimal value, BigDecimal target) {
        int comparison = value.compareTo(target);
        return this == LOWER_IS_BETTER ? comparison <= 0 : comparison >= 0;
    }

    /** Whether {@code target} is an improvement on {@code baseline}. */
    public boolean improvesOn(BigDecimal target, BigDecimal baseline) {
        int comparison = target.compareTo(baseline);
        return this == LOWER_IS_BETTER ? comparison < 0 : comparison > 0;
    }
}
