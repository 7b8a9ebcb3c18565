package dk.tilsynsspor.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import dk.tilsynsspor.core.privacy.SealedText;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.event.Event;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the event store with copies of one real order's events (the order's own and its case's, as the services
 * wrote them), each copy under new ids and with a new citizen key, its personal texts sealed again under that key.
 * In Tilsynsspor's store the rows go in with COPY through the store's own triggers, so every copy is hash-chained
 * like any append (no notification: query-service finds them on its re-reads, ADR 3); to query-service they are
 * indistinguishable from orders that went through the commands. In the stock peer's store (Axon's JPA tables) they go
 * in as Hibernate would have written them. With Axon Server (profile {@code axonserver}) they are appended through
 * Axon's connector as copies of the events Axon Server keeps, their citizen keys written to PostgreSQL first.
 */
final class EventCopier {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COPIES_PER_TRANSACTION = 200;

    private record Row(String aggregateId, long sequence, String type, String eventId, byte[] metaData,
                       byte[] payload, String payloadRevision, String payloadType, String timeStamp,
                       Event stored) {
    }

    /** One copy of the template: its ids (old to new), its case's id and its citizen key. */
    private record Copy(Map<String, String> ids, UUID newCase, byte[] newKey) {
    }

    private final StoreLayout layout;
    private final List<Row> template = new ArrayList<>();
    private final UUID caseId;
    private final byte[] caseKey;

    /** The events of order {@code orderId} and of its case {@code caseId} in this layout's table are the template. */
    EventCopier(Connection connection, StoreLayout layout, UUID orderId, UUID caseId) throws SQLException {
        this.layout = layout;
        this.caseId = caseId;
        try (PreparedStatement select = connection.prepareStatement(layout.eventsOfQuery())) {
            select.setString(1, orderId.toString());
            select.setString(2, caseId.toString());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    template.add(new Row(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getBytes(5), rows.getBytes(6), rows.getString(7), rows.getString(8),
                            rows.getString(9), null));
                }
            }
        }
        caseKey = caseKey(connection, caseId);
        if (template.isEmpty() || caseKey == null) {
            throw new IllegalStateException("order " + orderId + " has no events in " + layout.eventTable()
                    + " or its case " + caseId + " no key");
        }
    }

    /**
     * The events of an order and of its case as Axon Server keeps them ({@code stored}, in its order) are the
     * template; the case's key is read from PostgreSQL, where the services keep it in profile {@code axonserver} too.
     */
    EventCopier(Connection connection, List<Event> stored, UUID caseId) throws SQLException {
        this.layout = null;
        this.caseId = caseId;
        for (Event event : stored) {
            template.add(new Row(event.getAggregateIdentifier(), event.getAggregateSequenceNumber(),
                    event.getAggregateType(), event.getMessageIdentifier(), null,
                    event.getPayload().getData().toByteArray(), event.getPayload().getRevision(),
                    event.getPayload().getType(), null, event));
        }
        caseKey = caseKey(connection, caseId);
        if (template.isEmpty() || caseKey == null) {
            throw new IllegalStateException("Axon Server gave no events or case " + caseId + " has no key");
        }
    }

    private static byte[] caseKey(Connection connection, UUID caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key FROM events.citizen_key WHERE case_id = ?")) {
            select.setObject(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }
    }

    int eventsPerCopy() {
        return template.size();
    }

    /** Appends copies until the store holds at least {@code total} events; returns how many events were added. */
    long fillTo(Connection connection, long total) throws SQLException, IOException {
        long added = 0;
        long present = layout.count(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            while (present + added < total) {
                long missing = total - present - added;
                int copies = (int) Math.min(COPIES_PER_TRANSACTION, (missing + template.size() - 1) / template.size());
                StringBuilder keys = new StringBuilder();
                StringBuilder events = new StringBuilder();
                for (int i = 0; i < copies; i++) {
                    Copy next = newCopy(keys);
                    for (Row row : template) {
                        csvRow(events, row, next);
                    }
                }
                copy.copyIn("COPY events.citizen_key (case_id, key) FROM STDIN (FORMAT csv)",
                        new StringReader(keys.toString()));
                added += layout.append(connection, copy, events.toString());
                connection.commit();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return added;
    }

    /**
     * Appends copies to Axon Server until it holds at least {@code total} events, each transaction's citizen keys
     * committed to PostgreSQL before its events are appended (a projection meeting an event must find its case's
     * key); returns how many events were added.
     */
    long fillTo(AxonServerStore store, Connection connection, long total) throws Exception {
        long added = 0;
        long present = store.head() + 1;
        CopyManager copyIn = connection.unwrap(PGConnection.class).getCopyAPI();
        while (present + added < total) {
            long missing = total - present - added;
            int copies = (int) Math.min(COPIES_PER_TRANSACTION, (missing + template.size() - 1) / template.size());
            StringBuilder keys = new StringBuilder();
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                Copy copy = newCopy(keys);
                for (Row row : template) {
                    events.add(event(row, copy));
                }
            }
            copyIn.copyIn("COPY events.citizen_key (case_id, key) FROM STDIN (FORMAT csv)",
                    new StringReader(keys.toString()));
            store.append(events);
            added += events.size();
        }
        return added;
    }

    /** A new copy: new ids as they are met, a new case id and key (added to {@code keys} as a CSV row). */
    private Copy newCopy(StringBuilder keys) {
        Map<String, String> ids = new HashMap<>();
        UUID newCase = UUID.fromString(renamed(ids, caseId.toString()));
        byte[] newKey = SealedText.newKey();
        keys.append(newCase).append(",\"\\x").append(HexFormat.of().formatHex(newKey)).append("\"\n");
        return new Copy(ids, newCase, newKey);
    }

    private void csvRow(StringBuilder events, Row row, Copy copy) throws IOException {
        byte[] payload = copyPayload(row, copy);
        byte[] metaData = row.metaData() == null ? null : renamedJson(row.metaData(), copy.ids());
        csv(events, renamed(copy.ids(), row.aggregateId())).append(',').append(row.sequence()).append(',');
        csv(events, row.type()).append(',');
        csv(events, UUID.randomUUID().toString()).append(',');
        bytes(events, metaData).append(',');
        bytes(events, payload).append(',');
        csv(events, row.payloadRevision()).append(',');
        csv(events, row.payloadType()).append(',');
        csv(events, row.timeStamp()).append('\n');
    }

    /** The stored event under the copy's ids: a new message id, its payload copied, its metadata's texts renamed. */
    private Event event(Row row, Copy copy) throws IOException {
        Event stored = row.stored();
        Event.Builder event = stored.toBuilder()
                .setMessageIdentifier(UUID.randomUUID().toString())
                .setAggregateIdentifier(renamed(copy.ids(), row.aggregateId()))
                .setPayload(stored.getPayload().toBuilder().setData(ByteString.copyFrom(copyPayload(row, copy))))
                .clearMetaData();
        stored.getMetaDataMap().forEach((key, value) -> event.putMetaData(key,
                value.getDataCase() == MetaDataValue.DataCase.TEXT_VALUE
                        ? value.toBuilder().setTextValue(renamed(copy.ids(), value.getTextValue())).build()
                        : value));
        return event.build();
    }

    /** Ids renamed throughout; personal texts of the case's events opened with the old key, sealed with the new. */
    private byte[] copyPayload(Row row, Copy copy) throws IOException {
        Map<String, String> ids = copy.ids();
        JsonNode tree = JSON.readTree(row.payload());
        if (!(tree instanceof ObjectNode object)) {
            return renamedJson(row.payload(), ids);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        List<Map.Entry<String, String>> resealed = new ArrayList<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual() && SealedText.isSealed(field.getValue().asText())) {
                String plain = new SealedText(field.getValue().asText())
                        .open(caseKey, SealedText.context(caseId, field.getKey()))
                        .orElseThrow(() -> new IllegalStateException("cannot open " + field.getKey()));
                resealed.add(Map.entry(field.getKey(), SealedText.seal(copy.newKey(),
                        SealedText.context(copy.newCase(), field.getKey()), renamed(ids, plain)).envelope()));
            }
        }
        byte[] renamed = renamedJson(JSON.writeValueAsBytes(object), ids);
        if (resealed.isEmpty()) {
            return renamed;
        }
        ObjectNode sealedAgain = (ObjectNode) JSON.readTree(renamed);
        resealed.forEach(field -> sealedAgain.set(field.getKey(), TextNode.valueOf(field.getValue())));
        return JSON.writeValueAsBytes(sealedAgain);
    }

    /** Every id in the JSON text replaced by this copy's id for it (sealed envelopes hold no id in clear). */
    private static byte[] renamedJson(byte[] json, Map<String, String> ids) {
        return renamed(ids, new String(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private static String renamed(Map<String, String> ids, String text) {
        Matcher matcher = UUID_TEXT.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(result, ids.computeIfAbsent(matcher.group(), old -> UUID.randomUUID()
                    .toString()));
        }
        return matcher.appendTail(result).toString();
    }

    private static StringBuilder csv(StringBuilder out, String value) {
        if (value == null) {
            return out; // an unquoted empty field is NULL
        }
        return out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static StringBuilder bytes(StringBuilder out, byte[] value) {
        if (value == null) {
            return out;
        }
        return out.append("\"\\x").append(HexFormat.of().formatHex(value)).append('"');
    }
}
