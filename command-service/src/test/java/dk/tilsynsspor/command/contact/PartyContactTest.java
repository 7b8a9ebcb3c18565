package dk.tilsynsspor.command.contact;

import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.core.contact.ContactAddressRegistered;
import dk.tilsynsspor.core.contact.Party;
import dk.tilsynsspor.core.contact.RegisterContactAddress;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dk.tilsynsspor.command.rules.Violations.violation;

class PartyContactTest {

    private static final UUID ORGANISATION = RegisterContactAddress.contactIdOf(Party.ORGANISATION, "kk-handicap");
    private static final UUID AUTHORITY = RegisterContactAddress.contactIdOf(Party.AUTHORITY,
            "socialtilsyn-hovedstaden");

    private AggregateTestFixture<PartyContact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartyContact.class);
    }

    private static RegisterContactAddress organisation(String email) {
        return new RegisterContactAddress(ORGANISATION, Party.ORGANISATION, "kk-handicap", email);
    }

    @Test
    void aLeaderRegistersTheOrganisationsAddressAndChangesIt() {
        fixture.givenNoPriorActivity().when(organisation("ledelse@kk.example"), Actors.LEADER)
                .expectEvents(new ContactAddressRegistered(ORGANISATION, Party.ORGANISATION, "kk-handicap",
                        "ledelse@kk.example"));
        fixture.given(new ContactAddressRegistered(ORGANISATION, Party.ORGANISATION, "kk-handicap",
                        "ledelse@kk.example"))
                .when(organisation("tilsyn@kk.example"), Actors.LEADER)
                .expectEvents(new ContactAddressRegistered(ORGANISATION, Party.ORGANISATION, "kk-handicap",
                        "tilsyn@kk.example"));
    }

    @Test
    void theSameAddressAgainRecordsNothing() {
        fixture.given(new ContactAddressRegistered(ORGANISATION, Party.ORGANISATION, "kk-handicap",
                        "ledelse@kk.example"))
                .when(organisation("ledelse@kk.example"), Actors.LEADER)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anAddressMustBeOne() {
        fixture.givenNoPriorActivity().when(organisation("ikke en adresse"), Actors.LEADER)
                .expectNoEvents().expectException(violation("invalid-email"));
        fixture.givenNoPriorActivity().when(organisation("a@b"), Actors.LEADER)
                .expectNoEvents().expectException(violation("invalid-email"));
    }

    @Test
    void onlyTheOrganisationsLeadersRegisterItsAddress() {
        fixture.givenNoPriorActivity().when(organisation("x@aarhus.example"), Actors.OTHER_LEADER)
                .expectNoEvents().expectException(violation("not-your-organisation"));
        fixture.givenNoPriorActivity().when(organisation("x@kk.example"), Actors.INSPECTOR)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void anInspectorRegistersTheAuthoritysAddress() {
        fixture.givenNoPriorActivity().when(new RegisterContactAddress(AUTHORITY, Party.AUTHORITY,
                        "socialtilsyn-hovedstaden", "tilsyn@hovedstaden.example"), Actors.INSPECTOR)
                .expectEvents(new ContactAddressRegistered(AUTHORITY, Party.AUTHORITY, "socialtilsyn-hovedstaden",
                        "tilsyn@hovedstaden.example"));
    }

    @Test
    void aContactBelongsToItsParty() {
        fixture.givenNoPriorActivity().when(new RegisterContactAddress(UUID.randomUUID(), Party.ORGANISATION,
                        "kk-handicap", "x@kk.example"), Actors.LEADER)
                .expectNoEvents().expectException(violation("contact-incomplete"));
    }
}
