package dk.tilsynsspor.query.trail;

import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StoredDateTest {

    @Test
    void aDateOfTheYearsOneToNineThousandNineHundredNinetyNineIsStoredAsItIs() {
        assertThat(StoredDate.of(LocalDate.of(2026, 12, 5))).isEqualTo(Date.valueOf("2026-12-05"));
        assertThat(StoredDate.of(LocalDate.of(1, 1, 1)).toLocalDate()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(StoredDate.of(LocalDate.of(9999, 12, 31)).toLocalDate()).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void aDateOutsideThoseYearsIsStoredAsNoDateAndNoDateStaysNoDate() {
        assertThat(StoredDate.of(LocalDate.of(0, 12, 31))).isNull();
        assertThat(StoredDate.of(LocalDate.of(10000, 1, 1))).isNull();
        assertThat(StoredDate.of(LocalDate.MAX)).isNull();
        assertThat(StoredDate.of(LocalDate.MIN)).isNull();
        assertThat(StoredDate.of(null)).isNull();
    }
}
