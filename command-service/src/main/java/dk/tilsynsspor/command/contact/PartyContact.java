package dk.tilsynsspor.command.contact;

import dk.tilsynsspor.command.access.Access;
import dk.tilsynsspor.command.idempotency.KeyedAggregateRoot;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.contact.ContactAddressRegistered;
import dk.tilsynsspor.core.contact.Party;
import dk.tilsynsspor.core.contact.RegisterContactAddress;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The registered e-mail address of one organisation or authority, set by its own leaders or inspectors; each change
 * is an event, so who set which address when is in the store.
 */
@Aggregate
class PartyContact extends KeyedAggregateRoot {

    /** RFC 5321 caps an address at 254 characters; the rest is the shape of an ordinary address. */
    static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s.<>()\\[\\],;:\"]{2,}");

    @AggregateIdentifier
    private UUID contactId;
    private String email;

    PartyContact() {
        // for Axon; a repeat of a keyed registration (after a later one changed the address) changes nothing back
        super(firstEvent -> null);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterContactAddress command, Actor actor) {
        if (command.party() == null || command.partyId() == null
                || !command.contactId().equals(RegisterContactAddress.contactIdOf(command.party(),
                command.partyId()))) {
            throw RuleViolation.unprocessable("contact-incomplete", "A contact address belongs to one organisation "
                    + "or authority.");
        }
        Access.creates(actor, command.party() == Party.ORGANISATION ? Role.LEADER : Role.INSPECTOR,
                command.partyId());
        String address = command.email() == null ? null : command.email().strip();
        if (address == null || address.length() > MAX_LENGTH || !ADDRESS.matcher(address).matches()) {
            throw RuleViolation.unprocessable("invalid-email", "Give an e-mail address such as "
                    + "tilsyn@example.dk.").at("email");
        }
        if (!address.equals(email)) {
            apply(new ContactAddressRegistered(command.contactId(), command.party(), command.partyId(), address));
        }
    }

    @EventSourcingHandler
    void on(ContactAddressRegistered event) {
        contactId = event.contactId();
        email = event.email();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartyContact that && Objects.equals(contactId, that.contactId)
                && Objects.equals(email, that.email);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contactId);
    }
}
