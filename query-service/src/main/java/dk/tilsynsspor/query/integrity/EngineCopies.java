package dk.tilsynsspor.query.integrity;

import dk.tilsynsspor.platform.events.AxonServerCopies;
import dk.tilsynsspor.platform.events.AxonServerCopies.AggregateCursor;
import dk.tilsynsspor.query.eventstore.EventSourceConfiguration;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.common.DateTimeUtils;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a linked row of the event table is the event engine's own event. With PostgreSQL the table is the store, so
 * it is. With Axon Server the table is the chain's mirror (ADR 19), so each linked row is compared with Axon Server's
 * own copy: a mirror edited and then re-hashed by someone who could write to PostgreSQL no longer matches it.
 */
interface EngineCopies {

    /** The comparisons of one verification, asked in the chain's order; closed when its walk ends. */
    Comparison comparison();

    interface Comparison extends AutoCloseable {

        boolean matches(ResultSet row) throws SQLException;

        @Override
        void close();
    }

    @Component
    @Profile("!" + EventSourceConfiguration.AXON_SERVER)
    class TheTableIsTheStore implements EngineCopies {

        private static final Comparison SAME = new Comparison() {
            @Override
            public boolean matches(ResultSet row) {
                return true;
            }

            @Override
            public void close() {
            }
        };

        @Override
        public Comparison comparison() {
            return SAME;
        }
    }

    /**
     * Reads Axon Server's copies along one stream per aggregate of the order, opened at the first of its events the
     * chain links and kept open for the rest, since the chain links each aggregate's events in their order. A request
     * to Axon Server per linked event instead (an aggregate stream opened and cancelled for each) made a long order's
     * verification hundreds of requests, and, asked again and again, some of them waited past the connector's
     * timeout. An event asked for behind a stream's place (a link moved) opens that aggregate's stream again there.
     */
    @Component
    @Profile(EventSourceConfiguration.AXON_SERVER)
    class AxonServerOwnCopies implements EngineCopies {

        private final AxonServerConnectionManager axonServer;

        AxonServerOwnCopies(AxonServerConnectionManager axonServer) {
            this.axonServer = axonServer;
        }

        @Override
        public Comparison comparison() {
            return alongAggregateStreams(axonServer.getConnection().eventChannel());
        }

        static Comparison alongAggregateStreams(EventChannel channel) {
            return new AlongAggregateStreams(channel);
        }

        private static final class AlongAggregateStreams implements Comparison {

            private final EventChannel channel;
            private final Map<String, AggregateCursor> cursors = new HashMap<>();

            AlongAggregateStreams(EventChannel channel) {
                this.channel = channel;
            }

            @Override
            public boolean matches(ResultSet row) throws SQLException {
                String aggregateId = row.getString("aggregateIdentifier");
                long sequence = row.getLong("sequenceNumber");
                AggregateCursor cursor = cursors.get(aggregateId);
                if (cursor == null || cursor.passed(sequence)) {
                    if (cursor != null) {
                        cursor.close();
                    }
                    cursor = new AggregateCursor(channel, aggregateId, sequence);
                    cursors.put(aggregateId, cursor);
                }
                try {
                    return cursor.at(sequence).filter(event -> same(event, row)).isPresent();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading Axon Server's copy", e);
                }
            }

            @Override
            public void close() {
                cursors.values().forEach(AggregateCursor::close);
                cursors.clear();
            }
        }

        private static boolean same(Event event, ResultSet row) {
            try {
                String revision = event.getPayload().getRevision();
                return event.getMessageIdentifier().equals(row.getString("eventIdentifier"))
                        && event.getPayload().getType().equals(row.getString("payloadType"))
                        && Objects.equals(revision.isEmpty() ? null : revision, row.getString("payloadRevision"))
                        && DateTimeUtils.formatInstant(Instant.ofEpochMilli(event.getTimestamp()))
                        .equals(row.getString("timeStamp"))
                        && Arrays.equals(event.getPayload().getData().toByteArray(), row.getBytes("payload"))
                        && Arrays.equals(AxonServerCopies.metaData(event.getMetaDataMap()), row.getBytes("metaData"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
