package dk.tilsynsspor.query.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper for event payloads: how they are stored, read back and shown in the audit trail. */
public record EventJson(ObjectMapper mapper) {
}
