package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.OrderSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPagesTest {

    private final OrderSummary handicap = order("ST-2027-Æblehaven-1", "kk-handicap");
    private final OrderSummary psychiatry = order("ST-2027-17", "region-h-psykiatri");
    private final OrderSummary older = order("st-2026-æblehaven-9", "kk-handicap");
    private final List<OrderSummary> orders = List.of(handicap, psychiatry, older);

    @Test
    void withNeitherOrganisationNorSearchEveryOrderIsListedInTheOrderGiven() {
        assertThat(OrderPages.matching(orders, null, null)).containsExactly(handicap, psychiatry, older);
    }

    @Test
    void anOrganisationListsItsOrdersOnlyAndAnUnknownOneNone() {
        assertThat(OrderPages.matching(orders, "kk-handicap", null)).containsExactly(handicap, older);
        assertThat(OrderPages.matching(orders, "kk", null)).as("an organisation is chosen whole").isEmpty();
    }

    @Test
    void aSearchFindsTheReferencesThatContainItWhateverTheCaseOfItsDanishLetters() {
        assertThat(OrderPages.matching(orders, null, "ÆBLEHAVEN")).containsExactly(handicap, older);
        assertThat(OrderPages.matching(orders, null, "2027")).containsExactly(handicap, psychiatry);
        assertThat(OrderPages.matching(orders, null, "-17")).containsExactly(psychiatry);
        assertThat(OrderPages.matching(orders, null, "ST-2028")).isEmpty();
    }

    @Test
    void anOrganisationAndASearchNarrowTogether() {
        assertThat(OrderPages.matching(orders, "kk-handicap", "2026")).containsExactly(older);
        assertThat(OrderPages.matching(orders, "region-h-psykiatri", "æblehaven")).isEmpty();
    }

    private static OrderSummary order(String reference, String organisation) {
        return new OrderSummary(UUID.randomUUID(), reference, "socialtilsyn-hovedstaden", organisation,
                LocalDate.of(2027, 1, 4), OrderStatus.IMPOSED, false, Instant.parse("2027-01-04T09:00:00Z"));
    }
}
