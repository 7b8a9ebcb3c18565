package dk.tilsynsspor.core.order.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequirementStatusTest {

    @Test
    void verifiedAsMetWinsOverADeadlineThatPassedAndIsAcceptedOnceTheOrderIs() {
        assertThat(RequirementStatus.of(true, false, true, -3, true, true)).isEqualTo(RequirementStatus.VERIFIED);
        assertThat(RequirementStatus.of(true, true, false, 10, true, true)).isEqualTo(RequirementStatus.ACCEPTED);
    }

    @Test
    void aMissedOrPassedDeadlineMakesAnUnverifiedRequirementOverdue() {
        assertThat(RequirementStatus.of(false, false, true, 5, true, true)).isEqualTo(RequirementStatus.OVERDUE);
        assertThat(RequirementStatus.of(false, false, false, -1, false, false)).isEqualTo(RequirementStatus.OVERDUE);
    }

    @Test
    void onTheDeadlineDayItIsNotYetOverdue() {
        assertThat(RequirementStatus.of(false, false, false, 0, false, true)).isEqualTo(RequirementStatus.PLANNED);
    }

    @Test
    void workUnderWayIsInProgressAPlanAloneIsPlannedAndNothingIsOpen() {
        assertThat(RequirementStatus.of(false, false, false, 30, true, false))
                .isEqualTo(RequirementStatus.IN_PROGRESS);
        assertThat(RequirementStatus.of(false, false, false, 30, false, true)).isEqualTo(RequirementStatus.PLANNED);
        assertThat(RequirementStatus.of(false, false, false, 30, false, false)).isEqualTo(RequirementStatus.OPEN);
    }
}
