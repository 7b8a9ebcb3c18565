package dk.tilsynsspor.core.order;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of evidence a requirement's verification may need to cite (second round, part 2). */
public enum EvidenceKind {
    MEASUREMENT, INSIGHT, DOCUMENT;

    /** What a requirement needs when it names nothing: the first round's rule, a measurement and an insight. */
    public static Set<EvidenceKind> defaults() {
        return EnumSet.of(MEASUREMENT, INSIGHT);
    }
}
