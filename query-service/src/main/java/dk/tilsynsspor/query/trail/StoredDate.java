package dk.tilsynsspor.query.trail;

import java.sql.Date;
import java.time.LocalDate;

/**
 * A date as the read models' DATE columns hold it. Events recorded before dates were bounded may carry any year a
 * {@link LocalDate} can (to ±999,999,999), where PostgreSQL's DATE holds 4713 BC to 5874897 AD and refuses the rest.
 * A date outside the years 1 to 9999 (the four-digit years every page and answer writes) is stored as no date, so
 * the order or requirement is kept without it rather than its event set aside. No date stays no date.
 */
public final class StoredDate {

    private StoredDate() {
    }

    public static Date of(LocalDate date) {
        return date == null || date.getYear() < 1 || date.getYear() > 9999 ? null : Date.valueOf(date);
    }
}
