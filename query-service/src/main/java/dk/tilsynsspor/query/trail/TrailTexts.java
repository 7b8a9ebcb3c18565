package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tilsynsspor.core.privacy.PersonalFields;
import dk.tilsynsspor.query.privacy.CitizenKeyReader;
import dk.tilsynsspor.query.privacy.PersonalTexts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The trail keeps each payload as the event store holds it, its personal texts sealed under their case's key (ADR 9,
 * addendum); they are opened here, as the trail is read, with one lookup of the keys of every case the read touches.
 * A forgotten citizen's texts therefore read as {@link PersonalFields#ERASED} the moment the key is shredded, and the
 * read side's database holds no personal text in clear.
 */
@Component
public class TrailTexts {

    private record Sealed(ObjectNode payload, List<String> fields, UUID caseId) {
    }

    private final CitizenKeyReader keys;

    TrailTexts(CitizenKeyReader keys) {
        this.keys = keys;
    }

    /** Opens the sealed texts of the entries' payloads, in place. */
    public void open(Collection<TrailEntry> entries) {
        List<Sealed> sealed = new ArrayList<>();
        entries.forEach(entry -> collect(entry.payloadType(), entry.payload(), sealed));
        open(sealed);
    }

    /** Opens the sealed texts of one payload of the trail, in place; returns it. */
    public JsonNode open(String payloadType, JsonNode payload) {
        List<Sealed> sealed = new ArrayList<>();
        collect(payloadType, payload, sealed);
        open(sealed);
        return payload;
    }

    private static void collect(String payloadType, JsonNode payload, List<Sealed> sealed) {
        if (!(payload instanceof ObjectNode event)) {
            return;
        }
        // a type not known here has no personal fields known here: whatever is sealed in it stays sealed
        List<String> fields = PersonalTexts.sealed(event, personalFieldsOf(payloadType));
        if (!fields.isEmpty()) {
            sealed.add(new Sealed(event, fields, PersonalTexts.caseOf(event)));
        }
    }

    private void open(List<Sealed> sealed) {
        if (sealed.isEmpty()) {
            return;
        }
        Map<UUID, Optional<byte[]>> byCase = keys.keysOf(sealed.stream().map(Sealed::caseId)
                .collect(Collectors.toSet()));
        sealed.forEach(text -> PersonalTexts.open(text.payload(), text.fields(), text.caseId(),
                byCase.get(text.caseId())));
    }

    /**
     * A forgotten citizen's personal texts in an event recorded before the erasure: {@link PersonalFields#ERASED},
     * also where they were stored before texts were sealed (the store keeps every event as it was recorded).
     */
    public static void erase(String payloadType, JsonNode payload) {
        if (!(payload instanceof ObjectNode event)) {
            return;
        }
        for (String field : personalFieldsOf(payloadType)) {
            if (event.has(field)) {
                event.put(field, PersonalFields.ERASED);
            }
        }
    }

    /** The personal fields of a stored type; none for a type that is not one of core's events or not known here. */
    private static List<String> personalFieldsOf(String payloadType) {
        try {
            return PersonalFields.of(EventTypes.of(payloadType));
        } catch (IllegalStateException unknownType) {
            return List.of();
        }
    }
}
