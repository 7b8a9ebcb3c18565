package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.query.web.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageFormatsTest {

    private final PageFormats formats = new PageFormats(Clock.system(ZoneId.of("Europe/Copenhagen")));

    @Test
    void thePickersLocalTimeIsDanishTimeWinterAndSummer() {
        assertThat(formats.parseAsOf("2027-01-15T12:00")).isEqualTo(Instant.parse("2027-01-15T11:00:00Z"));
        assertThat(formats.parseAsOf("2027-07-15T12:00:30")).isEqualTo(Instant.parse("2027-07-15T10:00:30Z"));
        assertThat(formats.picker(Instant.parse("2027-07-15T10:00:30.250Z"))).isEqualTo("2027-07-15T12:00:30");
    }

    @Test
    void aDayIsOverOnlyOnceItsDanishMidnightHasPassed() {
        // 23:30 UTC on 20 December is already 21 December in Copenhagen
        PageFormats lateEvening = new PageFormats(Clock.fixed(Instant.parse("2026-12-20T23:30:00Z"),
                ZoneId.of("Europe/Copenhagen")));
        assertThat(lateEvening.over(java.time.LocalDate.of(2026, 12, 20))).isTrue();
        assertThat(lateEvening.over(java.time.LocalDate.of(2026, 12, 21))).as("its last day").isFalse();
        assertThat(lateEvening.over(java.time.LocalDate.of(2026, 12, 22))).isFalse();
    }

    @Test
    void anIsoInstantIsTakenAsItIsAndBlankMeansNow() {
        assertThat(formats.parseAsOf("2027-01-15T11:00:00Z")).isEqualTo(Instant.parse("2027-01-15T11:00:00Z"));
        assertThat(formats.parseAsOf(" ")).isNull();
        assertThat(formats.parseAsOf(null)).isNull();
    }

    @Test
    void anUnreadableTimeIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> formats.parseAsOf("i går"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("asOf"))
                .hasMessageContaining("i går");
    }

    @Test
    void aTimeBefore1900OrAfter9999IsRefusedNamingTheParameterAndTheEdgesAreTaken() {
        for (String refused : new String[] {"+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
                "+999999999-12-31T23:59", "1899-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> formats.parseAsOf(refused)).as(refused)
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("asOf"))
                    .hasMessageContaining(refused).hasMessageContaining("1900 til 9999");
        }
        assertThat(formats.parseAsOf("1900-01-01T00:00:00Z")).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(formats.parseAsOf("9999-12-31T23:59:59Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void aCountAskedForByAnAddressIsBoundedAndTheFallbackWhenAbsent() {
        assertThat(formats.parseCount("side", null, 1, 1, 7)).isEqualTo(1);
        assertThat(formats.parseCount("side", " ", 1, 1, 7)).isEqualTo(1);
        assertThat(formats.parseCount("side", " 3 ", 1, 1, 7)).isEqualTo(3);
        assertThat(formats.parseCount("side", "8", 1, 1, 7)).as("past the end: the last").isEqualTo(7);
        assertThat(formats.parseCount("side", "99999999999999999999", 1, 1, 7)).isEqualTo(7);
    }

    @Test
    void aCountThatIsNoWholeNumberOrTooSmallIsRefusedNamingTheParameter() {
        for (String refused : new String[] {"0", "-1", "to", "2.5", "1e3", "٣"}) {
            assertThatThrownBy(() -> formats.parseCount("side", refused, 1, 1, 7)).as(refused)
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("side"))
                    .hasMessageContaining(refused);
        }
    }

    @Test
    void anOrganisationChosenByAnAddressIsTakenWithoutSpacesAndBlankMeansAny() {
        assertThat(formats.parseOrganisation(null)).isNull();
        assertThat(formats.parseOrganisation("  ")).isNull();
        assertThat(formats.parseOrganisation(" kk-handicap ")).isEqualTo("kk-handicap");
        assertThat(formats.parseOrganisation("o".repeat(255))).hasSize(255);
        assertThatThrownBy(() -> formats.parseOrganisation("o".repeat(256)))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("organisation"))
                .hasMessage("En organisations id har højst 255 tegn.");
    }

    @Test
    void aSearchIsAtMostAHundredCharactersWithoutControlCharactersAndBlankMeansNone() {
        assertThat(formats.parseSearch("soeg", null)).isNull();
        assertThat(formats.parseSearch("soeg", " \t ")).isNull();
        assertThat(formats.parseSearch("soeg", " ST-2027 ")).isEqualTo("ST-2027");
        assertThat(formats.parseSearch("soeg", "æ".repeat(100))).hasSize(100);
        assertThatThrownBy(() -> formats.parseSearch("soeg", "æ".repeat(101)))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("soeg"))
                .hasMessage("Søg efter højst 100 tegn.");
        for (String refused : new String[] {"ST\u0000", "ST\n1", "ST\u001b[31m", "ST\u0085"}) {
            assertThatThrownBy(() -> formats.parseSearch("soeg", refused)).as(refused)
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("soeg"))
                    .hasMessage("Søgningen må ikke indeholde styretegn.");
        }
    }

    @Test
    void numbersReadAsDanishAndExact() {
        assertThat(formats.number(new java.math.BigDecimal("3.5"))).isEqualTo("3,5");
        assertThat(formats.number(new java.math.BigDecimal("1250000"))).isEqualTo("1.250.000");
        assertThat(formats.number(new java.math.BigDecimal("2.000"))).isEqualTo("2");
        assertThat(formats.number(new java.math.BigDecimal("-0.000001"))).isEqualTo("-0,000001");
        assertThat(formats.number(new java.math.BigDecimal("1E+3"))).isEqualTo("1.000");
        assertThat(formats.number(null)).isEmpty();
    }

    @Test
    void daysLeftReadsAsDanish() {
        assertThat(formats.daysLeft(1)).isEqualTo("om 1 dag");
        assertThat(formats.daysLeft(12)).isEqualTo("om 12 dage");
        assertThat(formats.daysLeft(0)).isEqualTo("fristen er i dag");
        assertThat(formats.daysLeft(-3)).isEqualTo("3 dage over fristen");
    }

    @Test
    void aDateInATextIsWrittenAsDanesWriteItMonthInFull() {
        assertThat(PageFormats.written(java.time.LocalDate.of(2026, 12, 16))).isEqualTo("16. december 2026");
        assertThat(PageFormats.written(java.time.LocalDate.of(2027, 5, 1))).isEqualTo("1. maj 2027");
        assertThat(PageFormats.written(null)).isEmpty();
    }

    @Test
    void aChartsTimeAxisWritesDatesAsThePagesDo() {
        java.util.Date day = java.util.Date.from(java.time.LocalDate.of(2027, 1, 31)
                .atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
        assertThat(PageFormats.chartDates().format(day)).isEqualTo("31. jan. 2027");
    }
}
