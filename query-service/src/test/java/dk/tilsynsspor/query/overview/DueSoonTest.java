package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.order.query.RequirementStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DueSoonTest {

    @Test
    void aRequirementStillToBeVerifiedIsDueSoonFromFourteenDaysBeforeItsDeadlineUntilItIsOverdue() {
        for (RequirementStatus status : new RequirementStatus[] {RequirementStatus.OPEN, RequirementStatus.PLANNED,
                RequirementStatus.IN_PROGRESS, RequirementStatus.AMENDED}) {
            assertThat(OverviewReads.dueSoon(status, OverviewReads.DUE_SOON_DAYS)).as("%s", status).isTrue();
            assertThat(OverviewReads.dueSoon(status, 0)).as("%s", status).isTrue();
            assertThat(OverviewReads.dueSoon(status, OverviewReads.DUE_SOON_DAYS + 1)).as("%s", status).isFalse();
        }
        assertThat(OverviewReads.dueSoon(RequirementStatus.OVERDUE, -1)).as("overdue, not due soon").isFalse();
    }

    @Test
    void aRequirementDecidedWhateverItsDeadlineIsNeverDueSoon() {
        for (RequirementStatus status : new RequirementStatus[] {RequirementStatus.VERIFIED, RequirementStatus.REPORTED,
                RequirementStatus.ACCEPTED, RequirementStatus.ANNULLED, RequirementStatus.NOTICE}) {
            assertThat(OverviewReads.dueSoon(status, 3)).as("%s", status).isFalse();
        }
    }
}
