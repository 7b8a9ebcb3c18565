package dk.tilsynsspor.query.privacy;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the key of a case's personal data from the event store's key table, which command-service keeps. Kept no
 * longer than the unit of work that read it (one batch of events, one transaction): a case's events in one batch
 * cost one lookup, and once a citizen is forgotten no copy of the key outlives the batch that was running.
 */
@Component
public class CitizenKeyReader {

    private static final String READ_IN_BATCH = CitizenKeyReader.class.getName() + ".keys";

    private final JdbcTemplate jdbc;

    public CitizenKeyReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key, or empty if the citizen was forgotten (or no personal text of the case was ever sealed). */
    public Optional<byte[]> keyOf(UUID caseId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return read(caseId);
        }
        Map<UUID, Optional<byte[]>> keys = CurrentUnitOfWork.get().root()
                .getOrComputeResource(READ_IN_BATCH, name -> new HashMap<>());
        return keys.computeIfAbsent(caseId, this::read);
    }

    /**
     * The keys of several cases in one lookup, for a read of stored events outside a batch (a trail, a dossier): each
     * case maps to its key, or to empty if its citizen was forgotten or it never had one.
     */
    public Map<UUID, Optional<byte[]>> keysOf(Collection<UUID> caseIds) {
        Map<UUID, Optional<byte[]>> keys = new HashMap<>();
        caseIds.forEach(caseId -> keys.put(caseId, Optional.empty()));
        if (!caseIds.isEmpty()) {
            jdbc.query("SELECT case_id, key FROM events.citizen_key WHERE case_id = ANY (?) AND key IS NOT NULL",
                    rs -> {
                        keys.put(rs.getObject("case_id", UUID.class), Optional.of(rs.getBytes("key")));
                    }, (Object) caseIds.toArray(UUID[]::new));
        }
        return keys;
    }

    private Optional<byte[]> read(UUID caseId) {
        return jdbc.query("SELECT key FROM events.citizen_key WHERE case_id = ?", (rs, row) -> rs.getBytes("key"),
                caseId).stream().filter(Objects::nonNull).findFirst();
    }
}
