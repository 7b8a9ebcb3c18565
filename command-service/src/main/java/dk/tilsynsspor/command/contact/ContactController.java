package dk.tilsynsspor.command.contact;

import dk.tilsynsspor.command.web.Accepted;
import dk.tilsynsspor.command.web.CommandDispatcher;
import dk.tilsynsspor.command.input.ActorId;
import dk.tilsynsspor.core.contact.Party;
import dk.tilsynsspor.core.contact.RegisterContactAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The addresses notifications are e-mailed to: an organisation's by its leaders, an authority's by its inspectors. */
@Tag(name = "contacts")
@RestController
@Validated
class ContactController {

    record ContactRequest(@NotBlank @Size(max = PartyContact.MAX_LENGTH) String email) {
    }

    private final CommandDispatcher commands;

    ContactController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @Operation(operationId = "registerOrganisationContact", summary = "Register an organisation's e-mail address",
            description = "A leader of the organisation registers the address its leaders' notifications (deadlines "
                    + "near and missed, the authority's steps) are also e-mailed to, when an SMTP server is "
                    + "configured.")
    @PutMapping("/api/organisations/{organisationId}/contact")
    Accepted organisation(@PathVariable @ActorId String organisationId,
                          @Valid @RequestBody ContactRequest request) {
        return register(Party.ORGANISATION, organisationId, request);
    }

    @Operation(operationId = "registerAuthorityContact", summary = "Register an authority's e-mail address",
            description = "An inspector of the authority registers the address its inspectors' notifications "
                    + "(reports, answers, extension requests, missed deadlines) are also e-mailed to.")
    @PutMapping("/api/authorities/{authorityId}/contact")
    Accepted authority(@PathVariable @ActorId String authorityId, @Valid @RequestBody ContactRequest request) {
        return register(Party.AUTHORITY, authorityId, request);
    }

    private Accepted register(Party party, String partyId, ContactRequest request) {
        UUID contactId = RegisterContactAddress.contactIdOf(party, partyId);
        commands.send(new RegisterContactAddress(contactId, party, partyId, request.email()), "contact", contactId);
        return Accepted.of(contactId);
    }
}
