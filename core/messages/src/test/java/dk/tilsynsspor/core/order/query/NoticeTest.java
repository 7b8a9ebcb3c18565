package dk.tilsynsspor.core.order.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 10);
    private static final Notice GIVEN = new Notice(LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T09:00:00Z"),
            "inspector", DUE, List.of(), List.of(), null, null, null);

    @Test
    void theOrderMayBeImposedOnceTheOrganisationAnsweredOrTheLastDayToAnswerIsOver() {
        assertThat(GIVEN.mayImpose(DUE.minusDays(5))).as("unanswered, days left").isFalse();
        assertThat(GIVEN.mayImpose(DUE)).as("the last day to answer is still the organisation's").isFalse();
        assertThat(GIVEN.mayImpose(DUE.plusDays(1))).as("the day after, unanswered").isTrue();

        Notice answered = GIVEN.answered(new NoticeAnswer(1, "Vi retter det", List.of(),
                Instant.parse("2026-12-03T10:00:00Z"), "leader"));
        assertThat(answered.mayImpose(DUE.minusDays(5))).as("answered before the deadline").isTrue();
        assertThat(answered.answerInForce()).map(NoticeAnswer::response).contains("Vi retter det");
    }
}
