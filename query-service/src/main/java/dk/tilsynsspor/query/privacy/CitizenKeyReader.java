package dk.tilsynsspor.query.privacy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the key of a case's personal data from the event store's key table, which command-service keeps. Never
 * cached: once a citizen is forgotten, no copy of the key may outlive the table's.
 */
@Component
public class CitizenKeyReader {

    private final JdbcTemplate jdbc;

    CitizenKeyReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key, or empty if the citizen was forgotten (or no personal text of the case was ever sealed). */
    public Optional<byte[]> keyOf(UUID caseId) {
        return jdbc.query("SELECT key FROM events.citizen_key WHERE case_id = ?", (rs, row) -> rs.getBytes("key"),
                caseId).stream().filter(Objects::nonNull).findFirst();
    }
}
