package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        for (String order : listed) { // each event once in each trail (entries equal but for their position)
            List<String> entries = new ArrayList<>();
            stack.queries.get("inspector", "/api/orders/" + order + "/audit-trail").body().get("entries")
                    .forEach(entry -> entries.add(((ObjectNode) entry.deepCopy()).without("sequence").toString()));
            assertThat(entries).isNotEmpty().doesNotHaveDuplicates();
        }
    }

    /**
     * Orders in the store (their impositions) not (yet) in the orders' summaries; counted per event, as other tests
     * may tamper with the store.
     */
    private static long unprojected(EndToEnd.Stack stack) throws SQLException {
        return count(stack, "SELECT count(*) FROM events.domain_event_entry e"
                + " WHERE e.payloadType = 'dk.tilsynsspor.core.order.SupervisoryOrderImposed'"
                + " AND NOT EXISTS (SELECT 1 FROM query.order_summary s"
                + " WHERE s.order_id::text = e.aggregateIdentifier)");
    }

    private static long count(EndToEnd.Stack stack, String sql) throws SQLException {
        try (Connection connection = stack.database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
