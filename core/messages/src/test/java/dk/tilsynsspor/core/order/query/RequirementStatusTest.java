package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.query.RequirementStatus.Standing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequirementStatusTest {

    @Test
    void verifiedAsMetWinsOverADeadlineThatPassedAndReportedAndAcceptedAreEachTheirOwn() {
        assertThat(RequirementStatus.of(Standing.VERIFIED, true, -3, true, true)).isEqualTo(RequirementStatus.VERIFIED);
        assertThat(RequirementStatus.of(Standing.REPORTED, false, -3, true, true)).isEqualTo(RequirementStatus.REPORTED);
        assertThat(RequirementStatus.of(Standing.ACCEPTED, false, 10, true, true)).isEqualTo(RequirementStatus.ACCEPTED);
    }

    @Test
    void onlyAnAcceptedOrAnAnnulledRequirementIsSettled() {
        assertThat(java.util.Arrays.stream(RequirementStatus.values()).filter(RequirementStatus::settled))
                .containsExactlyInAnyOrder(RequirementStatus.ACCEPTED, RequirementStatus.ANNULLED);
    }

    @Test
    void aStatusDecidedWhateverTheDeadlineStaysWhenItPassesAndEveryOtherBecomesOverdue() {
        for (Standing standing : Standing.values()) {
            for (boolean work : new boolean[] {false, true}) {
                for (boolean planned : new boolean[] {false, true}) {
                    RequirementStatus before = RequirementStatus.of(standing, false, 10, work, planned);
                    RequirementStatus passed = RequirementStatus.of(standing, false, -1, work, planned);
                    RequirementStatus missed = RequirementStatus.of(standing, true, 10, work, planned);
                    if (before.decidedWhateverTheDeadline()) {
                        assertThat(passed).as("%s passed", standing).isEqualTo(before);
                        assertThat(missed).as("%s missed", standing).isEqualTo(before);
                    } else {
                        assertThat(passed).as("%s passed", standing).isEqualTo(RequirementStatus.OVERDUE);
                        assertThat(missed).as("%s missed", standing).isEqualTo(RequirementStatus.OVERDUE);
                    }
                }
            }
        }
        assertThat(java.util.Arrays.stream(RequirementStatus.values())
                .filter(RequirementStatus::decidedWhateverTheDeadline)).containsExactlyInAnyOrder(
                RequirementStatus.NOTICE, RequirementStatus.ANNULLED, RequirementStatus.ACCEPTED,
                RequirementStatus.REPORTED, RequirementStatus.VERIFIED);
    }

    @Test
    void everyImposedRequirementNotSettledIsInFollowUp() {
        assertThat(java.util.Arrays.stream(RequirementStatus.values()).filter(status -> !status.inFollowUp()))
                .containsExactlyInAnyOrder(RequirementStatus.NOTICE, RequirementStatus.ACCEPTED,
                        RequirementStatus.ANNULLED);
    }

    @Test
    void theStrongestStandingHolds() {
        assertThat(Standing.of(true, false, false, false, false, false)).isEqualTo(Standing.DRAFT);
        assertThat(Standing.of(false, true, true, true, true, true)).isEqualTo(Standing.ANNULLED);
        assertThat(Standing.of(false, false, true, false, true, false)).isEqualTo(Standing.ACCEPTED);
        assertThat(Standing.of(false, false, false, true, true, false)).isEqualTo(Standing.REPORTED);
        assertThat(Standing.of(false, false, false, false, true, true)).isEqualTo(Standing.VERIFIED);
        assertThat(Standing.of(false, false, false, false, false, true)).isEqualTo(Standing.AMENDED);
        assertThat(Standing.of(false, false, false, false, false, false)).isEqualTo(Standing.NONE);
    }

    @Test
    void aDraftOrAnAnnulledRequirementHasNoDeadlineToMiss() {
        assertThat(RequirementStatus.of(Standing.DRAFT, false, -5, false, false)).isEqualTo(RequirementStatus.NOTICE);
        assertThat(RequirementStatus.of(Standing.ANNULLED, true, -5, true, true))
                .isEqualTo(RequirementStatus.ANNULLED);
    }

    @Test
    void anAmendedRequirementShowsSoUntilVerifiedUnlessItsNewDeadlinePassed() {
        assertThat(RequirementStatus.of(Standing.AMENDED, false, 30, true, true)).isEqualTo(RequirementStatus.AMENDED);
        assertThat(RequirementStatus.of(Standing.AMENDED, false, -1, true, true)).isEqualTo(RequirementStatus.OVERDUE);
    }

    @Test
    void aMissedOrPassedDeadlineMakesAnUnverifiedRequirementOverdue() {
        assertThat(RequirementStatus.of(Standing.NONE, true, 5, true, true)).isEqualTo(RequirementStatus.OVERDUE);
        assertThat(RequirementStatus.of(Standing.NONE, false, -1, false, false)).isEqualTo(RequirementStatus.OVERDUE);
    }

    @Test
    void onTheDeadlineDayItIsNotYetOverdue() {
        assertThat(RequirementStatus.of(Standing.NONE, false, 0, false, true)).isEqualTo(RequirementStatus.PLANNED);
    }

    @Test
    void workUnderWayIsInProgressAPlanAloneIsPlannedAndNothingIsOpen() {
        assertThat(RequirementStatus.of(Standing.NONE, false, 30, true, false))
                .isEqualTo(RequirementStatus.IN_PROGRESS);
        assertThat(RequirementStatus.of(Standing.NONE, false, 30, false, true)).isEqualTo(RequirementStatus.PLANNED);
        assertThat(RequirementStatus.of(Standing.NONE, false, 30, false, false)).isEqualTo(RequirementStatus.OPEN);
    }
}
