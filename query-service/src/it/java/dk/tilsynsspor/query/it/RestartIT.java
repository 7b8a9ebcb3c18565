package dk.tilsynsspor.query.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping and starting both services loses no event and projects none twice. */
@ExtendWith(EndToEnd.class)
class RestartIT {

    @Test
    void afterARestartEveryOrderIsThereExactlyOnce(EndToEnd.Stack stack) throws SQLException {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(stack.commands.post("inspector", "/api/orders",
                    OrderSliceIT.order("RESTART-" + i)).body().get("id").asText());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> unprojected(stack) == 0);

        stack.stop();
        stack.start();
        String after = stack.commands.post("inspector", "/api/orders", OrderSliceIT.order("RESTART-3"))
                .body().get("id").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> unprojected(stack) == 0);
        var orders = stack.queries.get("inspector", "/api/orders").body().get("orders");
        List<String> listed = orders.findValuesAsText("orderId");
        assertThat(listed).containsAll(before).contains(after).doesNotHaveDuplicates();
        assertThat(stack.queries.get("inspector", "/api/orders/" + before.get(0) + "/dossier").status())
                .isEqualTo(200);
        assertThat(duplicateTrailRows(stack)).isZero();
    }

    /**
     * Stored events of orders and their cases (linked into an order's chain) not (yet) in the trail; counted per
     * event, as other tests may tamper with the store.
     */
    private static long unprojected(EndToEnd.Stack stack) throws SQLException {
        return count(stack, "SELECT count(*) FROM events.domain_event_entry e WHERE e.chainOrderId IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM query.order_event o WHERE o.global_index = e.globalIndex)");
    }

    /**
     * An event twice in one trail. (A case's event may be in several trails: its own while it served no order, and
     * each order it was linked to later; once in each.)
     */
    private static long duplicateTrailRows(EndToEnd.Stack stack) throws SQLException {
        return count(stack, "SELECT count(*) - count(DISTINCT (order_id, event_id)) FROM query.order_event");
    }

    private static long count(EndToEnd.Stack stack, String sql) throws SQLException {
        try (Connection connection = stack.database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
