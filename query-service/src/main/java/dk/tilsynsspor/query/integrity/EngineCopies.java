package dk.tilsynsspor.query.integrity;

import dk.tilsynsspor.platform.events.AxonServerCopies;
import dk.tilsynsspor.query.eventstore.EventSourceConfiguration;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.common.DateTimeUtils;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a linked row of the event table is the event engine's own event. With PostgreSQL the table is the store, so
 * it is. With Axon Server the table is the chain's mirror (ADR 19), so each linked row is compared with Axon Server's
 * own copy: a mirror edited and then re-hashed by someone who could write to PostgreSQL no longer matches it.
 */
interface EngineCopies {

    boolean matches(ResultSet row) throws SQLException;

    @Component
    @Profile("!" + EventSourceConfiguration.AXON_SERVER)
    class TheTableIsTheStore implements EngineCopies {

        @Override
        public boolean matches(ResultSet row) {
            return true;
        }
    }

    @Component
    @Profile(EventSourceConfiguration.AXON_SERVER)
    class AxonServerOwnCopies implements EngineCopies {

        private final AxonServerConnectionManager axonServer;

        AxonServerOwnCopies(AxonServerConnectionManager axonServer) {
            this.axonServer = axonServer;
        }

        @Override
        public boolean matches(ResultSet row) throws SQLException {
            Optional<Event> stored;
            try {
                stored = AxonServerCopies.read(axonServer.getConnection(), row.getString("aggregateIdentifier"),
                        row.getLong("sequenceNumber"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading Axon Server's copy", e);
            }
            return stored.filter(event -> same(event, row)).isPresent();
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
