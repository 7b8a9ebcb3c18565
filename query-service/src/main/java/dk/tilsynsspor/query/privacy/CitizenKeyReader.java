package dk.tilsynsspor.query.privacy;

import dk.tilsynsspor.query.projection.PlannedEachTime;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the key of a case's personal data from the event store's key table, which command-service keeps. Kept no
 * longer than the unit of work that read it (one batch of events, one transaction), and once a citizen is forgotten
 * no copy of the key outlives the batch that was running. The first key a batch asks for is read together with the
 * keys of every aggregate whose events the batch holds (a case's events are its aggregate's), in one lookup: a batch
 * costs one lookup however many cases it opens texts of, where it cost one per case (in a rebuild about one
 * statement per 20 events, each a round trip). A case the batch holds no event of (an evidence document of an order
 * names its case) is read by itself.
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
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        BatchKeys keys = unit.getOrComputeResource(READ_IN_BATCH, name -> new BatchKeys());
        Optional<byte[]> known = keys.known.get(caseId);
        if (known != null) {
            return known;
        }
        if (!keys.aggregatesRead) {
            keys.aggregatesRead = true;
            Set<UUID> cases = aggregatesOf(unit);
            cases.add(caseId);
            keys.known.putAll(keysOf(cases));
            return keys.known.get(caseId);
        }
        Optional<byte[]> key = read(caseId);
        keys.known.put(caseId, key);
        return key;
    }

    /** The keys one unit of work has read, and whether it has read those of its events' aggregates. */
    private static final class BatchKeys {
        final Map<UUID, Optional<byte[]>> known = new HashMap<>();
        boolean aggregatesRead;
    }

    /**
     * The ids of the aggregates whose events the unit of work handles (all of a batch's). A batch holds a few events
     * of each aggregate, so each distinct identifier is parsed once (parsing every event's was 2 % of a rebuild
     * thread's samples).
     */
    private static Set<UUID> aggregatesOf(UnitOfWork<?> unit) {
        List<? extends Message<?>> messages = unit instanceof BatchingUnitOfWork<?> batch ? batch.getMessages()
                : List.of(unit.getMessage());
        Set<String> identifiers = new HashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event) {
                identifiers.add(event.getAggregateIdentifier());
            }
        }
        Set<UUID> ids = new HashSet<>();
        identifiers.forEach(identifier -> uuid(identifier).ifPresent(ids::add));
        return ids;
    }

    private static Optional<UUID> uuid(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(identifier));
        } catch (IllegalArgumentException notAUuid) { // not an aggregate of this service's: it has no key
            return Optional.empty();
        }
    }

    /**
     * The keys of several cases in one lookup, for a batch's cases or for a read of stored events outside a batch (a
     * trail, a dossier): each case maps to its key, or to empty if its citizen was forgotten or it never had one.
     */
    public Map<UUID, Optional<byte[]>> keysOf(Collection<UUID> caseIds) {
        Map<UUID, Optional<byte[]>> keys = new HashMap<>();
        caseIds.forEach(caseId -> keys.put(caseId, Optional.empty()));
        if (!caseIds.isEmpty()) {
            // planned each time: a plan cached while the table was small scans it whole for every batch (seen in a
            // rebuild of 1,000,000 events: 3.6 ms a lookup, against 0.3 by the key's index)
            jdbc.query(PlannedEachTime.statement(
                    "SELECT case_id, key FROM events.citizen_key WHERE case_id = ANY (?) AND key IS NOT NULL",
                    (Object) caseIds.toArray(UUID[]::new)), (RowCallbackHandler) rs -> {
                        keys.put(rs.getObject("case_id", UUID.class), Optional.of(rs.getBytes("key")));
                    });
        }
        return keys;
    }

    private Optional<byte[]> read(UUID caseId) {
        return jdbc.query("SELECT key FROM events.citizen_key WHERE case_id = ?", (rs, row) -> rs.getBytes("key"),
                caseId).stream().filter(Objects::nonNull).findFirst();
    }
}
