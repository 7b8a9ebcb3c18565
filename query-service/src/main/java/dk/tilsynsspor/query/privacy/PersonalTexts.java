package dk.tilsynsspor.query.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tilsynsspor.core.privacy.PersonalFields;
import dk.tilsynsspor.core.privacy.SealedText;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens the sealed personal texts of an event's JSON with its case's key (ADR 9): wherever the read side reads an
 * event, as it arrives or as the trail keeps it. A text whose key is gone reads as {@link PersonalFields#ERASED};
 * texts stored before personal texts were sealed are left as they are.
 */
public final class PersonalTexts {

    private PersonalTexts() {
    }

    /** The personal fields of the event that hold a sealed text; empty if none does. */
    public static List<String> sealed(ObjectNode event, List<String> personal) {
        return personal.stream().filter(field -> SealedText.isSealed(event.path(field).textValue())).toList();
    }

    /** The case whose key sealed the event's texts, as the sealing named it. */
    public static UUID caseOf(ObjectNode event) {
        return UUID.fromString(event.path("caseId").asText());
    }

    /**
     * Replaces each of the {@code sealed} fields by its text, opened with the key of {@code caseId} (the event's
     * {@link #caseOf case}), or by {@link PersonalFields#ERASED} without a key.
     */
    public static void open(ObjectNode event, List<String> sealed, UUID caseId, Optional<byte[]> key) {
        for (String field : sealed) {
            SealedText text = new SealedText(event.get(field).textValue());
            event.put(field, key.flatMap(k -> text.open(k, SealedText.context(caseId, field)))
                    .orElse(PersonalFields.ERASED));
        }
    }
}
