package dk.tilsynsspor.command.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tilsynsspor.command.input.Amount;
import dk.tilsynsspor.command.input.PlausibleDate;
import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.events.EventMapper;
import dk.tilsynsspor.platform.security.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The benchmark's plain endpoint (issue 20), compiled only by {@code -Pbench} and active only in Spring profile
 * {@code bench}: what a measurement costs without the event-sourcing machinery. The same HTTP stack, security chain
 * and bearer token, the same strict JSON reading and validation as {@code POST .../measurements}, then one durable
 * insert of an event-shaped row (payload and metadata as the command's event would have them) into the event table,
 * with its triggers. No aggregate, no command bus, no unit of work, no rules, no lookups, no idempotency.
 *
 * <p>Its rows carry a payload type no read model handles, so query-service reads and skips them; they are linked
 * into the named order's hash chain like any event of an order.
 */
@Profile("bench")
@RestController
class PlainEndpoint {

    static final String PAYLOAD_TYPE = "dk.tilsynsspor.bench.PlainMeasurement";

    private final JdbcTemplate jdbc;
    private final CurrentActor actors;
    private final ObjectMapper json = EventMapper.create();

    PlainEndpoint(JdbcTemplate jdbc, CurrentActor actors) {
        this.jdbc = jdbc;
        this.actors = actors;
    }

    record PlainMeasurement(@NotNull @Amount BigDecimal value, @NotNull @PlausibleDate LocalDate measuredOn,
                            @NotBlank @Size(max = 500) String source) {
    }

    record Stored(UUID id) {
    }

    @PostMapping("/bench/plain/orders/{orderId}/requirements/{requirementId}/measurements")
    ResponseEntity<Stored> measure(@PathVariable UUID orderId, @PathVariable UUID requirementId,
                                   @Valid @RequestBody PlainMeasurement request) throws JsonProcessingException {
        Actor actor = actors.get();
        UUID measurementId = UUID.randomUUID();
        byte[] payload = json.writeValueAsBytes(new QualityMeasurementRecorded(orderId, requirementId, measurementId,
                request.value(), request.measuredOn(), request.source()));
        Map<String, Object> metaData = new TreeMap<>();
        metaData.put(AuditMetadata.ACTOR_ID, actor.id());
        metaData.put(AuditMetadata.ACTOR_ROLE, actor.role().name());
        metaData.put(AuditMetadata.ACTOR_SCOPE, actor.scope());
        jdbc.update("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                    metaData, payload, payloadRevision, payloadType, timeStamp)
                VALUES (?, 0, 'BenchPlain', ?, ?, ?, '1', ?, ?)""",
                measurementId.toString(), UUID.randomUUID().toString(),
                json.writeValueAsString(metaData).getBytes(StandardCharsets.UTF_8), payload, PAYLOAD_TYPE,
                Instant.now().toString());
        return ResponseEntity.created(URI.create("/api/orders/" + orderId + "/dossier")).body(new Stored(measurementId));
    }
}
