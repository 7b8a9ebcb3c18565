package dk.tilsynsspor.core.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The address an organisation's or authority's notifications are e-mailed to (besides its users' own). */
public record RegisterContactAddress(
        @TargetAggregateIdentifier UUID contactId,
        Party party,
        String partyId,
        String email) {

    /** One contact per party: its id follows from the party. */
    public static UUID contactIdOf(Party party, String partyId) {
        return UUID.nameUUIDFromBytes((party.name() + ":" + partyId).getBytes(StandardCharsets.UTF_8));
    }
}
