package dk.tilsynsspor.query.web;

/**
 * A read asked to include the client's writes, which the read models did not hold within the wait's patience, or
 * which could not wait, as too many reads of this instance were waiting already.
 */
class ReadModelBehindException extends RuntimeException {

    /** How long the client is told to wait before asking again. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final boolean tooManyWaiting;

    ReadModelBehindException(boolean tooManyWaiting) {
        super(tooManyWaiting
                ? "Too many reads are waiting for their writes just now (Prefer: read-your-writes); this one was "
                + "not answered. Ask again in a moment."
                : "The read models do not yet hold every event stored before this read (Prefer: read-your-writes); "
                + "nothing is answered that may lack your writes. Ask again in a moment.");
        this.tooManyWaiting = tooManyWaiting;
    }

    /** The problem's type code. */
    String code() {
        return tooManyWaiting ? "too-many-waiting-reads" : "read-model-behind";
    }

    String title() {
        return tooManyWaiting ? "Too many waiting reads" : "Read model behind";
    }
}
