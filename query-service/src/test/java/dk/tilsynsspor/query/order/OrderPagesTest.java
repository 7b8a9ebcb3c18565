package dk.tilsynsspor.query.order;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.tilsynsspor.core.order.query.OrderDeadlines;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.OrderSummary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    @Test
    void theListsFileHasARowPerOrderWithItsStatusInDanishItsDeadlinesAndNoFormula() {
        OrderSummary formula = new OrderSummary(UUID.randomUUID(), "=HYPERLINK(\"x\")", "socialtilsyn-hovedstaden",
                "kk-handicap", LocalDate.of(2026, 11, 1), OrderStatus.CLOSED, true,
                Instant.parse("2026-11-01T09:00:00Z"));
        Map<UUID, OrderDeadlines.Count> deadlines = Map.of(
                handicap.orderId(), new OrderDeadlines.Count(handicap.orderId(), 2, 1),
                formula.orderId(), new OrderDeadlines.Count(formula.orderId(), 0, 0));

        String text = new String(OrderPages.listFile(List.of(handicap, formula), deadlines,
                status -> status == OrderStatus.CLOSED ? "Afsluttet" : "Givet"), StandardCharsets.UTF_8);

        assertThat(text).as("a byte-order mark, so that the Danish letters read right").startsWith("\uFEFF");
        List<Map<String, String>> rows = rows(text);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("Reference", "Organisation", "Tilsyn", "Udstedt", "Status",
                "Skærpet tilsyn", "Krav over fristen", "Krav med frist snart");
        assertThat(rows.get(0)).containsEntry("Reference", "ST-2027-Æblehaven-1").containsEntry("Udstedt", "2027-01-04")
                .containsEntry("Status", "Givet").containsEntry("Skærpet tilsyn", "nej")
                .containsEntry("Krav over fristen", "2").containsEntry("Krav med frist snart", "1");
        assertThat(rows.get(1)).containsEntry("Reference", "'=HYPERLINK(\"x\")").containsEntry("Status", "Afsluttet")
                .containsEntry("Skærpet tilsyn", "ja").containsEntry("Krav over fristen", "0");
    }

    private static List<Map<String, String>> rows(String text) {
        try {
            return new CsvMapper().readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';'))
                    .<Map<String, String>>readValues(text.substring(1)).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrderSummary order(String reference, String organisation) {
        return new OrderSummary(UUID.randomUUID(), reference, "socialtilsyn-hovedstaden", organisation,
                LocalDate.of(2027, 1, 4), OrderStatus.IMPOSED, false, Instant.parse("2027-01-04T09:00:00Z"));
    }
}
