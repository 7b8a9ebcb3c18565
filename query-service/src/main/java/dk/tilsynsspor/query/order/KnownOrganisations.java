package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.contact.Party;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.platform.security.DemoUserProperties;
import dk.tilsynsspor.query.casework.ProgressDimensions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The organisations Tilsynsspor has met, so that the inspector's "Giv et påbud" can suggest them and can ask again
 * before an order goes to an id nobody has seen: the organisation is typed as an id, and a misspelt one gives an
 * order no leader can see (nothing else knows which organisations exist; identity names them in its tokens). Known
 * are the organisations of any order (another authority's too: an organisation's id says nothing of its orders),
 * of a registered contact address, of a user who signed in with an address or chose about e-mail, of a list of
 * progress dimensions, of the demo users when they are on, and those configured in
 * {@code tilsynsspor.known-organisations} (e.g. the organisations under the authority's supervision).
 */
@Component
class KnownOrganisations {

    /** At most this many are suggested (the check itself asks for the one id typed). */
    static final int SUGGESTED = 1_000;

    private final JdbcTemplate jdbc;
    private final List<String> configured;

    KnownOrganisations(JdbcTemplate jdbc, DemoUserProperties demoUsers,
                       @Value("${tilsynsspor.known-organisations:}") List<String> configured,
                       ProgressDimensions progress) {
        this.jdbc = jdbc;
        Stream<String> demo = demoUsers.enabled() ? demoUsers.users().stream()
                .filter(user -> user.role() != null && !user.role().scopedToAuthority())
                .map(DemoUserProperties.DemoUser::scope) : Stream.empty();
        this.configured = Stream.of(configured.stream(), progress.organisations().stream(), demo).flatMap(s -> s)
                .filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().sorted().toList();
    }

    /** The known organisations' ids, sorted, at most {@value #SUGGESTED} (as a form's suggestions: nothing beside). */
    Map<String, String> suggestions() {
        TreeSet<String> known = new TreeSet<>(configured);
        known.addAll(jdbc.queryForList("""
                SELECT organisation_id FROM query.order_summary
                UNION SELECT party_id FROM query.party_contact WHERE party = ?
                UNION SELECT scope FROM query.user_contact WHERE role <> ?
                ORDER BY 1 LIMIT ?""", String.class, Party.ORGANISATION.name(), Role.INSPECTOR.name(), SUGGESTED));
        Map<String, String> suggestions = new LinkedHashMap<>();
        known.stream().limit(SUGGESTED).forEach(id -> suggestions.put(id, ""));
        return suggestions;
    }

    /** Whether anything named above knows the organisation {@code id} (exactly as typed). */
    boolean known(String id) {
        return configured.contains(id) || Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM query.order_summary WHERE organisation_id = ?)
                    OR EXISTS (SELECT 1 FROM query.party_contact WHERE party = ? AND party_id = ?)
                    OR EXISTS (SELECT 1 FROM query.user_contact WHERE role <> ? AND scope = ?)""", Boolean.class,
                id, Party.ORGANISATION.name(), id, Role.INSPECTOR.name(), id));
    }
}
