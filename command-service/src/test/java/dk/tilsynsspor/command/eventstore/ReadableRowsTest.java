package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.command.MigratedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event table refuses rows Axon could not read back (migration V9): a row without metadata, a time stamp that
 * Axon's parser does not take. Such a row would stop every reader of the store at it, before any handler.
 */
class ReadableRowsTest {

    private static final byte[] NO_METADATA = "{}".getBytes(StandardCharsets.UTF_8);

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() throws Exception {
        postgres = MigratedDatabase.start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aRowWithoutMetadataIsRefusedAndNothingIsStored() {
        long before = rows();

        assertThatThrownBy(() -> append(null, DateTimeUtils.formatInstant(Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23514")); // check_violation

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aTimeStampAxonCannotParseIsRefused() {
        String postgresText = "2026-12-01 03:34:37.154553+00"; // PostgreSQL's own text of a timestamptz
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(postgresText)).isInstanceOf(DateTimeParseException.class);
        long before = rows();

        for (String unreadable : new String[]{postgresText, "2026-12-01T03:34:37", "1 December 2026", ""}) {
            assertThatThrownBy(() -> append(NO_METADATA, unreadable)).as(unreadable)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23514")); // check_violation
        }

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void everyTimeStampAxonWritesOrParsesIsTaken() {
        String[] readable = {DateTimeUtils.formatInstant(Instant.now()), "2026-11-30T10:00:00Z",
                "2026-11-30T10:00Z", "2026-11-30T10:00:00.123456789+01:00", "2026-11-30t10:00:00z"};
        for (String timeStamp : readable) {
            assertThat(DateTimeUtils.parseInstant(timeStamp)).as(timeStamp).isNotNull();
            long before = rows();
            append(NO_METADATA, timeStamp);
            assertThat(rows()).as(timeStamp).isEqualTo(before + 1);
        }
    }

    private static void append(byte[] metaData, String timeStamp) {
        jdbc.update("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                       metaData, payload, payloadType, timeStamp)
                VALUES (?, 0, 'SupervisoryOrder', ?, ?, ?, 'test', ?)""",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), metaData,
                ("{\"orderId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8), timeStamp);
    }

    private static long rows() {
        return jdbc.queryForObject("SELECT count(*) FROM events.domain_event_entry", Long.class);
    }

    private static String sqlState(Throwable e) {
        return e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
