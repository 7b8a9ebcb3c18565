package dk.tilsynsspor.command.privacy;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.privacy.SealedText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The keys of the cases' personal data ({@code events.citizen_key}). A case's key is made, in a transaction of its
 * own, when the first event to be sealed with it is serialized for the append: so no event is ever stored sealed with
 * a key that was not kept, whichever commits first, the database's transaction or Axon Server's append (ADR 19). A
 * key whose event was refused after all seals nothing. The key is gone exactly when the erasure receipt is stored.
 */
@Component
public class CitizenKeys {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    CitizenKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The case's key, made on first use; refused once the citizen is forgotten. */
    public byte[] keyFor(UUID caseId) {
        List<byte[]> keys = stored(caseId);
        if (keys.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO events.citizen_key (case_id, key) VALUES (?, ?) ON CONFLICT (case_id) DO NOTHING",
                    caseId, SealedText.newKey()));
            keys = stored(caseId);
        }
        byte[] key = keys.get(0);
        if (key == null) {
            throw new IllegalStateException("the citizen of case " + caseId + " is forgotten: nothing personal may"
                    + " be recorded about them again");
        }
        return key;
    }

    /**
     * The case's key if it has one (every case has from its opening, whose citizen reference is sealed): empty for
     * an unknown case, and a broken rule for a forgotten citizen. Makes no key.
     */
    public Optional<byte[]> existingKeyFor(UUID caseId) {
        List<byte[]> keys = stored(caseId);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        if (keys.get(0) == null) {
            throw RuleViolation.conflict("case-forgotten", "The citizen of case "
                    + caseId + " is forgotten: the case accepts no more changes.");
        }
        return Optional.of(keys.get(0));
    }

    /** Destroys the case's key for good, leaving a tombstone, and the case's documents sealed with it. */
    public void destroy(UUID caseId) {
        jdbc.update("DELETE FROM events.evidence_document WHERE case_id = ?", caseId);
        jdbc.update("""
                INSERT INTO events.citizen_key (case_id, key, forgotten_at) VALUES (?, NULL, now())
                ON CONFLICT (case_id) DO UPDATE SET key = NULL, forgotten_at = coalesce(citizen_key.forgotten_at, now())
                """, caseId);
    }

    private List<byte[]> stored(UUID caseId) {
        return jdbc.query("SELECT key FROM events.citizen_key WHERE case_id = ? FOR UPDATE",
                (rs, row) -> rs.getBytes("key"), caseId);
    }
}
