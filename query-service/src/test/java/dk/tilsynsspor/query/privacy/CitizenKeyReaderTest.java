package dk.tilsynsspor.query.privacy;

import dk.tilsynsspor.query.database.QueryDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of events reads its cases' keys in one lookup, and keeps them no longer than itself. */
class CitizenKeyReaderTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();

    private final UUID kept = UUID.randomUUID();
    private final UUID forgotten = UUID.randomUUID();
    private final UUID elsewhere = UUID.randomUUID(); // a case with a key that the batch holds no event of
    private final UUID order = UUID.randomUUID();
    private final byte[] keptKey = {1, 2, 3};
    private final byte[] elsewhereKey = {4, 5, 6};

    @Test
    void aBatchReadsTheKeysOfItsEventsAggregatesInOneLookupAndAnyOtherCaseByItself() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            Counting jdbc = new Counting(keyTable(transaction));
            CitizenKeyReader reader = new CitizenKeyReader(jdbc);
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                    event("CitizenCase", kept), event("SupervisoryOrder", order), event("CitizenCase", forgotten),
                    event("CitizenCase", kept)));
            batch.start();
            try {
                assertThat(reader.keyOf(kept)).hasValue(keptKey);
                assertThat(jdbc.lookups).isEqualTo(1);
                assertThat(reader.keyOf(forgotten)).isEmpty(); // read with the first, as erased
                assertThat(reader.keyOf(kept)).hasValue(keptKey);
                assertThat(jdbc.lookups).isEqualTo(1);

                assertThat(reader.keyOf(elsewhere)).hasValue(elsewhereKey);
                assertThat(reader.keyOf(elsewhere)).hasValue(elsewhereKey);
                assertThat(jdbc.lookups).isEqualTo(2);
            } finally {
                batch.rollback();
            }
        }
    }

    @Test
    void aKeyIsNotKeptBeyondItsBatchSoACitizenForgottenMeanwhileReadsAsErasedInTheNext() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            JdbcTemplate jdbc = keyTable(transaction);
            CitizenKeyReader reader = new CitizenKeyReader(jdbc);
            BatchingUnitOfWork<EventMessage<?>> first = new BatchingUnitOfWork<>(List.of(event("CitizenCase", kept)));
            first.start();
            try {
                assertThat(reader.keyOf(kept)).hasValue(keptKey);
            } finally {
                first.commit();
            }
            jdbc.update("UPDATE events.citizen_key SET key = NULL, forgotten_at = now() WHERE case_id = ?", kept);

            BatchingUnitOfWork<EventMessage<?>> next = new BatchingUnitOfWork<>(List.of(event("CitizenCase", kept)));
            next.start();
            try {
                assertThat(reader.keyOf(kept)).isEmpty();
            } finally {
                next.commit();
            }
            assertThat(reader.keyOf(kept)).isEmpty(); // outside any batch: read each time
            Map<UUID, Optional<byte[]>> both = reader.keysOf(List.of(kept, elsewhere));
            assertThat(both).containsOnlyKeys(kept, elsewhere);
            assertThat(both.get(kept)).isEmpty();
            assertThat(both.get(elsewhere)).hasValue(elsewhereKey);
        }
    }

    /**
     * The lookup by a list of keys is planned at each read (sent unnamed): a plan the server cached for the statement
     * while the table was small scanned the whole table at every batch once it had grown.
     */
    @Test
    void theLookupIsPlannedAtEachReadNeverFromAPlanCachedOnTheServer() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            JdbcTemplate jdbc = keyTable(transaction);
            CitizenKeyReader reader = new CitizenKeyReader(jdbc);
            for (int read = 0; read < 10; read++) { // the driver prepares a statement on the server at its fifth
                assertThat(reader.keysOf(List.of(kept, elsewhere)).get(kept)).hasValue(keptKey);
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE"
                    + " '%FROM events.citizen_key%'", Long.class)).isZero();
        }
    }

    /** The key table as command-service's migration V4 makes it, with three cases, in the test's transaction. */
    private JdbcTemplate keyTable(QueryDatabase.Transaction transaction) {
        JdbcTemplate jdbc = transaction.jdbc();
        jdbc.execute("""
                CREATE SCHEMA IF NOT EXISTS events;
                CREATE TABLE events.citizen_key (
                    case_id      UUID        PRIMARY KEY,
                    key          BYTEA,
                    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
                    forgotten_at TIMESTAMPTZ,
                    CHECK ((key IS NULL) = (forgotten_at IS NOT NULL)))""");
        jdbc.update("INSERT INTO events.citizen_key (case_id, key) VALUES (?, ?), (?, ?)", kept, keptKey, elsewhere,
                elsewhereKey);
        jdbc.update("INSERT INTO events.citizen_key (case_id, key, forgotten_at) VALUES (?, NULL, now())", forgotten);
        return jdbc;
    }

    /** The transaction's JDBC, counting the lookups sent through it. */
    private static final class Counting extends JdbcTemplate {
        int lookups;

        Counting(JdbcTemplate jdbc) {
            super(jdbc.getDataSource());
        }

        @Override
        public <T> T query(PreparedStatementCreator statement, PreparedStatementSetter parameters,
                           ResultSetExtractor<T> rows) {
            lookups++;
            return super.query(statement, parameters, rows);
        }
    }

    private static EventMessage<?> event(String aggregateType, UUID aggregate) {
        return new GenericDomainEventMessage<>(aggregateType, aggregate.toString(), 0, "payload");
    }
}
