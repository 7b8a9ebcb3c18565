package dk.tilsynsspor.command.privacy;

import dk.tilsynsspor.core.casework.CitizenForgotten;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Destroys a case's key when its erasure receipt is stored. It runs in the subscribing group of the lookups, so in
 * the transaction that appends the receipt: the receipt is never stored without the key being destroyed, nor the
 * other way round.
 */
@Component
@ProcessingGroup("command-lookups")
class KeyShredder {

    private final CitizenKeys keys;

    KeyShredder(CitizenKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(CitizenForgotten event) {
        keys.destroy(event.caseId());
    }
}
