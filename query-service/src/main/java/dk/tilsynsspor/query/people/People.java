package dk.tilsynsspor.query.people;

import dk.tilsynsspor.core.security.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names the identity provider gives the people who use the pages (OpenID Connect's {@code name} claim), by their
 * actor id: an id is often an opaque subject, which tells an inspector reading a trail nothing. Remembered when a
 * signed-in user opens a page; read for the people of an authority and an organisation. The events keep the id; a
 * name is read-side only and follows the provider's.
 */
@Component
public class People {

    /** The longest name kept (the column's); a longer one is not remembered. */
    public static final int NAME_AT_MOST = 200;

    private final JdbcTemplate jdbc;
    /** What was last written for each user (role, scope and name), so that a page view writes only a change. */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    People(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code name} as the actor's, if it is a name to show (see {@link #usable}); else nothing. */
    public void remember(Actor actor, String name) {
        String usable = usable(name);
        if (usable == null) {
            return;
        }
        String state = actor.role() + "\n" + actor.scope() + "\n" + usable;
        if (state.equals(written.get(actor.id()))) {
            return;
        }
        jdbc.update("""
                INSERT INTO query.user_contact (user_id, role, scope, name) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, scope = excluded.scope, name = excluded.name
                 WHERE query.user_contact.name IS DISTINCT FROM excluded.name
                    OR query.user_contact.role <> excluded.role OR query.user_contact.scope <> excluded.scope""",
                actor.id(), actor.role().name(), actor.scope(), usable);
        written.put(actor.id(), state);
    }

    /** The names of the people of these authorities and organisations, and of these people, by id (unmodifiable). */
    public Map<String, String> of(Collection<String> scopes, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        String[] inScopes = scopes.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        String[] named = ids.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (inScopes.length == 0 && named.length == 0) {
            return names;
        }
        jdbc.query("""
                SELECT user_id, name FROM query.user_contact
                 WHERE name IS NOT NULL AND (scope = ANY(?) OR user_id = ANY(?))""",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, inScopes, named);
        return Map.copyOf(names);
    }

    /**
     * A name as the provider gave it, without the spaces around it, if it can be shown as one: 1 to
     * {@value #NAME_AT_MOST} characters, none of them a control or format character (such as a bidirectional
     * override, which would turn the text around it); else null.
     */
    public static String usable(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() > NAME_AT_MOST || stripped.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            return null;
        }
        return stripped;
    }
}
