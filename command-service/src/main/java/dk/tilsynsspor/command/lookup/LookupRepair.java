package dk.tilsynsspor.command.lookup;

import dk.tilsynsspor.command.privacy.CitizenKeys;
import dk.tilsynsspor.core.casework.CitizenForgotten;
import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With Axon Server, the lookups and the erased keys once more, from Axon Server's stream: a streaming processor whose
 * token is kept in PostgreSQL with what it writes. The command's own transaction writes them first and commits after
 * the append (ADR 19); should that commit be lost after the append (the instance died between the two), this repairs
 * it within moments. Every write is idempotent, so what it repeats changes nothing. One instance runs it at a time.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
@ProcessingGroup(LookupRepair.GROUP)
class LookupRepair {

    static final String GROUP = "command-lookup-repair";

    private final LookupProjection lookups;
    private final CitizenKeys keys;

    LookupRepair(LookupProjection lookups, CitizenKeys keys) {
        this.lookups = lookups;
        this.keys = keys;
    }

    @EventHandler
    void on(SupervisoryOrderImposed event) {
        lookups.on(event);
    }

    @EventHandler
    void on(SupervisoryOrderClosed event) {
        lookups.on(event);
    }

    @EventHandler
    void on(SessionInsightRecorded event) {
        lookups.on(event);
    }

    @EventHandler
    void on(EvidenceDocumentAttached event) {
        lookups.on(event);
    }

    @EventHandler
    void on(EvidenceDocumentWithdrawn event) {
        lookups.on(event);
    }

    @EventHandler
    void on(CitizenForgotten event) {
        keys.destroy(event.caseId());
    }
}
