package dk.tilsynsspor.command.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Event rows that name an order, written straight into the event table for the chain's tests. */
final class OrderEvents {

    static final String APPEND = """
            INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                   metaData, payload, payloadType, timeStamp)
            VALUES (?, ?, 'Test', ?, '{}'::bytea, ?, 'test', ?) RETURNING globalIndex""";

    private OrderEvents() {
    }

    /** One event of the order's aggregate {@code order-aggregate}, in its own transaction; its global index. */
    static long append(JdbcTemplate writer, UUID order, String aggregate, long sequence) {
        return writer.queryForObject(APPEND, Long.class, order + "-" + aggregate, sequence,
                UUID.randomUUID().toString(), payload(order), DateTimeUtils.formatInstant(Instant.now()));
    }

    /** The same in the writer's transaction, which the caller may hold open; its global index. */
    static long append(Connection writer, UUID order, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement(APPEND)) {
            insert.setString(1, order + "-" + aggregate);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, payload(order));
            insert.setString(5, DateTimeUtils.formatInstant(Instant.now()));
            try (ResultSet answer = insert.executeQuery()) {
                answer.next();
                return answer.getLong(1);
            }
        }
    }

    static byte[] payload(UUID order) {
        return ("{\"orderId\":\"" + order + "\",\"note\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
    }
}
