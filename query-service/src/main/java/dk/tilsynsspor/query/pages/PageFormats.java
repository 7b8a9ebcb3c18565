package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.query.web.AsOf;
import dk.tilsynsspor.query.web.InvalidParameterException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times and dates as a Danish reader expects them, in the zone the orders are issued in; and the "as of" picker's
 * local date-time, read in that zone. The templates call it as {@code @pageFormats}.
 */
@Component
public class PageFormats {

    public static final Locale DANISH = Locale.forLanguageTag("da-DK");
    /** The longest organisation id an order can name (the summaries' column). */
    public static final int ORGANISATION_AT_MOST = 255;
    /** The longest text a list is searched for. */
    public static final int SEARCH_AT_MOST = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm:ss", DANISH);
    /** A date as the pages show it: "2. dec. 2026". */
    private static final String DATE_PATTERN = "d. MMM yyyy";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN, DANISH);
    private static final DateTimeFormatter WRITTEN_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ZoneId zone;
    private final Clock clock;

    PageFormats(Clock clock) {
        this.zone = clock.getZone();
        this.clock = clock;
    }

    /** A measured value or goal as Danes write it: "3,5", "1.250.000", exact (no rounding). */
    public String number(java.math.BigDecimal value) {
        if (value == null) {
            return "";
        }
        java.text.DecimalFormat danish = new java.text.DecimalFormat("#,##0.##########",
                java.text.DecimalFormatSymbols.getInstance(DANISH));
        danish.setParseBigDecimal(true);
        danish.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return danish.format(value);
    }

    /** Today in Danish time, as a date field's value ("2026-11-30"): what a form proposes. */
    public String today() {
        return currentDay().toString();
    }

    /** Today in Danish time, for a rule that takes the day ({@code Notice.mayImpose}). */
    public LocalDate currentDay() {
        return LocalDate.now(clock);
    }

    /** Whether {@code day} is over: today, in Danish time, is after it (a deadline "til og med" that day has run out). */
    public boolean over(LocalDate day) {
        return currentDay().isAfter(day);
    }

    /** The day {@code days} from today, as a date field's value. */
    public String inDays(int days) {
        return currentDay().plusDays(days).toString();
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** For tables: "23.11.2026 08:20:02". */
    public String shortTime(Instant instant) {
        return instant == null ? "" : SHORT_TIME.format(instant.atZone(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /**
     * A date as a Danish sentence writes it, month in full: "16. december 2026". For texts made once and kept (the
     * notifications, and the mail sent of them), which need no zone: a date is the same day wherever it is read.
     */
    public static String written(LocalDate date) {
        return date == null ? "" : WRITTEN_DATE.format(date);
    }

    /**
     * The dates on a chart's time axis as the pages write them ("31. jan. 2027"), for JFreeChart's date axis: a new
     * instance each time, as {@link java.text.SimpleDateFormat} is not safe to share between threads.
     */
    public static java.text.DateFormat chartDates() {
        return new java.text.SimpleDateFormat(DATE_PATTERN, DANISH);
    }

    /** The value of a {@code datetime-local} input showing {@code instant}. */
    public String picker(Instant instant) {
        return instant == null ? "" : PICKER.format(instant.atZone(zone).truncatedTo(ChronoUnit.SECONDS));
    }

    /** "om 12 dage", "i dag", "3 dage over fristen". */
    public String daysLeft(long days) {
        if (days == 0) {
            return "fristen er i dag";
        }
        if (days > 0) {
            return "om " + days + (days == 1 ? " dag" : " dage");
        }
        return -days + (days == -1 ? " dag" : " dage") + " over fristen";
    }

    /**
     * The picker's local date-time (seconds optional) in the orders' zone, or an ISO instant; blank is "now". A time
     * before 1900 or after 9999 ({@link AsOf}) is refused as one that cannot be read.
     */
    public Instant parseAsOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeException notLocal) {
            try {
                instant = Instant.parse(value.trim());
            } catch (DateTimeParseException notInstant) {
                throw new InvalidParameterException("asOf", "Tidspunktet \"" + value
                        + "\" kan ikke læses. Brug formen 2027-03-31T12:00.");
            }
        }
        if (!AsOf.plausible(instant)) {
            throw new InvalidParameterException("asOf", "Tidspunktet \"" + value
                    + "\" ligger uden for årene 1900 til 9999. Brug formen 2027-03-31T12:00.");
        }
        return instant;
    }

    /**
     * The organisation a list is narrowed to by its address ({@code organisation}): null when absent or blank, else
     * as written without the spaces around it; longer than any organisation's id ({@value #ORGANISATION_AT_MOST}
     * characters, the summaries' column) is refused naming the parameter.
     */
    public String parseOrganisation(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String organisation = value.strip();
        if (organisation.length() > ORGANISATION_AT_MOST) {
            throw new InvalidParameterException("organisation", "En organisations id har højst "
                    + ORGANISATION_AT_MOST + " tegn.");
        }
        return organisation;
    }

    /**
     * A text a list is searched for by its address: null when absent or blank, else as written without the spaces
     * around it; more than {@value #SEARCH_AT_MOST} characters, or a control character, is refused naming the
     * parameter.
     */
    public String parseSearch(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String search = value.strip();
        if (search.length() > SEARCH_AT_MOST) {
            throw new InvalidParameterException(parameter, "Søg efter højst " + SEARCH_AT_MOST + " tegn.");
        }
        if (search.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException(parameter, "Søgningen må ikke indeholde styretegn.");
        }
        return search;
    }

    /**
     * A whole number a page was asked for by its address (a page of a list, how many to show): {@code fallback} when
     * absent or blank, at most {@code max} (an address asking more gets the most there is, as a list's last page
     * does); a text that is no whole number, or one below {@code min}, is refused naming the parameter.
     */
    public int parseCount(String parameter, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String digits = value.trim();
        if (digits.matches("[0-9]+")) {
            long count = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
            if (count >= min) {
                return (int) Math.min(count, max);
            }
        }
        throw new InvalidParameterException(parameter, "\"" + value + "\" er ikke et helt tal fra " + min
                + " og op.");
    }
}
