package dk.tilsynsspor.query.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.tilsynsspor.core.casework.CaseEvent;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.trail.TrailEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An order's dossier folded from events given in order, for the tests of what is read off dossiers: each event stored
 * as the trail holds it (its payload as JSON), a second after the one before, from 1 November 2026, 10:00 UTC.
 */
public final class FoldedDossier {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");

    private final EventReader reader = new EventReader(new EventJson(JSON));
    private final List<TrailEntry> trail = new ArrayList<>();
    private final UUID orderId;

    public FoldedDossier(UUID orderId) {
        this.orderId = orderId;
    }

    /** The next event of the order's trail (a case's event stored as its case's). */
    public FoldedDossier then(Object event) {
        long index = trail.size() + 1;
        String aggregateId = event instanceof CaseEvent caseEvent ? caseEvent.caseId().toString() : orderId.toString();
        trail.add(new TrailEntry(orderId, index, "event-" + index, aggregateId, index - 1,
                event.getClass().getSimpleName(), event.getClass().getName(), at(index), "someone", "LEADER",
                "socialtilsyn-hovedstaden", null, JSON.valueToTree(event), null));
        return this;
    }

    /**
     * The order's own events so far, each as stored (not those of its cases): as the order's stream in the store
     * holds them.
     */
    public List<TrailEntry> ownEvents() {
        return trail.stream().filter(entry -> entry.aggregateId().equals(orderId.toString())).toList();
    }

    /** The dossier as it reads on {@code today} from the order's own events only ({@link #ownEvents}). */
    public ComplianceDossier ownEventsOn(LocalDate today) {
        return DossierFold.fold(ownEvents(), reader, today, null).orElseThrow();
    }

    /** When the {@code n}th event (from 1) was stored. */
    public static Instant at(long n) {
        return FIRST.plusSeconds(n);
    }

    /** The dossier as it reads on {@code today}. */
    public ComplianceDossier on(LocalDate today) {
        return DossierFold.fold(trail, reader, today, null).orElseThrow();
    }
}
