package dk.tilsynsspor.query.web;

/** A read asked to include the client's writes, which the read models did not hold within the wait's patience. */
class ReadModelBehindException extends RuntimeException {

    /** How long the client is told to wait before asking again. */
    static final int RETRY_AFTER_SECONDS = 2;

    ReadModelBehindException() {
        super("The read models do not yet hold every event stored before this read (Prefer: read-your-writes); "
                + "nothing is answered that may lack your writes. Ask again in a moment.");
    }
}
