package dk.tilsynsspor.query.web;

import java.time.Instant;

/**
 * The instant a dossier or a trail is asked for "as of" (the parameter {@code asOf}): from the start of 1900 to the end
 * of 9999, the years an order's dates may have (the command side bounds them so). ISO 8601 names instants a billion
 * years away, and the calendar of the orders' zone cannot name their day: the dossier failed with a 500 for
 * {@code +1000000000-01-01T00:00:00Z}.
 */
public final class AsOf {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private AsOf() {
    }

    /** Whether a dossier or a trail can be asked for as of {@code instant}. */
    public static boolean plausible(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * {@code asOf} (null: now) if {@linkplain #plausible plausible}.
     *
     * @throws InvalidParameterException naming the parameter {@code asOf}, otherwise
     */
    public static Instant checked(Instant asOf) {
        if (asOf != null && !plausible(asOf)) {
            throw new InvalidParameterException("asOf", "Parameter asOf must be an instant from " + EARLIEST
                    + " to 9999-12-31T23:59:59Z.");
        }
        return asOf;
    }
}
