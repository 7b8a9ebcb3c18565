package dk.tilsynsspor.query.people;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The names the provider gives the people who use the pages, kept by id, on PostgreSQL. */
class PeopleOnPostgresTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();
    private QueryDatabase.Transaction transaction;
    private JdbcTemplate jdbc;
    private People people;

    private final Actor inspector = new Actor("3f2a9c4e", Role.INSPECTOR, "socialtilsyn-hovedstaden");
    private final Actor leader = new Actor("b71d", Role.LEADER, "kk-handicap");
    private final Actor psychologist = new Actor("c9e0", Role.PROFESSIONAL, "region-h-psykiatri");

    @BeforeEach
    void transaction() throws Exception {
        transaction = database.transaction();
        jdbc = transaction.jdbc();
        people = new People(jdbc);
    }

    @AfterEach
    void rollback() throws Exception {
        transaction.close();
    }

    @Test
    void theNamesOfAnAuthoritysAndAnOrganisationsPeopleAndOfNamedPeopleAreRead() {
        people.remember(inspector, "Tove Tilsynsførende");
        people.remember(leader, "  Lene Leder ");
        people.remember(psychologist, "Pernille Psykolog");

        assertThat(people.of(List.of("socialtilsyn-hovedstaden", "kk-handicap"), List.of()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("3f2a9c4e", "Tove Tilsynsførende", "b71d", "Lene Leder"));
        assertThat(people.of(List.of("kk-handicap"), List.of("c9e0", "nobody")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("b71d", "Lene Leder", "c9e0", "Pernille Psykolog"));
        assertThat(people.of(List.of(), List.of())).isEmpty();
    }

    @Test
    void aNewNameFromTheProviderReplacesTheOldAndTheUsersAddressAndChoiceStay() {
        jdbc.update("INSERT INTO query.user_contact (user_id, role, scope, email, opted_out) VALUES (?, ?, ?, ?, ?)",
                leader.id(), "LEADER", "kk-handicap", "lene@kk.example", true);
        people.remember(leader, "Lene Leder");
        people.remember(leader, "Lene Leder-Hansen");

        assertThat(jdbc.queryForMap("SELECT name, email, opted_out FROM query.user_contact WHERE user_id = ?",
                leader.id())).containsExactlyInAnyOrderEntriesOf(Map.of("name", "Lene Leder-Hansen",
                "email", "lene@kk.example", "opted_out", true));
    }

    @Test
    void aNameThatCannotBeShownAsOneIsNotKept() {
        for (String refused : new String[] {null, " ", "x".repeat(201), "Tove\nTilsyn", "Tove\u0000",
                "evil\u202Eevil", "Tove\u200B"}) {
            people.remember(inspector, refused);
        }
        assertThat(people.of(List.of("socialtilsyn-hovedstaden"), List.of())).isEmpty();
        people.remember(inspector, "x".repeat(200));
        assertThat(people.of(List.of(), List.of(inspector.id()))).containsEntry(inspector.id(), "x".repeat(200));
    }
}
