package dk.tilsynsspor.query.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemindersTest {

    @Test
    void aDeadlineIsRemindedAtTheNearestOfTheMarksItHasReached() {
        assertThat(Reminders.nearestMark(14)).isEqualTo(14);
        assertThat(Reminders.nearestMark(8)).isEqualTo(14);
        assertThat(Reminders.nearestMark(7)).isEqualTo(7);
        assertThat(Reminders.nearestMark(5)).as("a sweep that finds 5 days left tells the 7-day mark only")
                .isEqualTo(7);
        assertThat(Reminders.nearestMark(1)).isEqualTo(1);
        assertThat(Reminders.nearestMark(0)).as("on the day: the 1-day mark, told already or now").isEqualTo(1);
        assertThatThrownBy(() -> Reminders.nearestMark(15)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedMailWaitsTwiceAsLongEachTimeAndAtMostAnHour() {
        Duration first = Duration.ofSeconds(30);
        assertThat(MailDeliveries.backOff(first, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailDeliveries.backOff(first, 2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDeliveries.backOff(first, 4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(MailDeliveries.backOff(first, 9)).isEqualTo(Duration.ofHours(1));
        assertThat(MailDeliveries.backOff(first, 500)).isEqualTo(Duration.ofHours(1));
    }
}
