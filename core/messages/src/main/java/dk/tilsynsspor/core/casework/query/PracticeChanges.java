package dk.tilsynsspor.core.casework.query;

/** Of the practice changes agreed for one requirement: how many were followed up, and how many adopted. */
public record PracticeChanges(
        int agreed,
        int followedUp,
        int adopted) {
}
