package dk.tilsynsspor.core.contact;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record ContactAddressRegistered(
        UUID contactId,
        Party party,
        String partyId,
        String email) {
}
