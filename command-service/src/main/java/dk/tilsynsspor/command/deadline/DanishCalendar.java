package dk.tilsynsspor.command.deadline;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.LocalDate;
import java.time.ZoneId;

/** Orders and cases live by Danish calendar days: the zone, and today in it. */
public final class DanishCalendar {

    /** Orders are issued under Danish law: a deadline is the end of that calendar day in Denmark. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private DanishCalendar() {
    }

    /** Today in Denmark, by the clock that stamps the events (moved by the tests). */
    public static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), ZONE);
    }
}
