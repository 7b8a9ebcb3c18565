package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.order.query.ComplianceDossier;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * People as the pages show them: by the names entered for them on a case's team, else by the name their identity
 * provider gives them ({@link dk.tilsynsspor.query.people.People}), by their id only where neither names them (a demo user, someone who never
 * opened the pages). Templates call it as {@code names}.
 */
public record Names(Map<String, String> byId) {

    public static Names of(Collection<TeamMember> team) {
        Map<String, String> byId = new HashMap<>();
        team.forEach(member -> byId.put(member.professionalId(), member.name()));
        return new Names(Map.copyOf(byId));
    }

    /** Everyone on the teams of the order's cases. */
    public static Names of(ComplianceDossier dossier) {
        return of(dossier.cases().stream().flatMap(kase -> kase.team().stream()).toList());
    }

    /** Whether the person is among those named (on a case page: on the case's team now). */
    public boolean onTeam(String id) {
        return byId.containsKey(id);
    }

    public String of(String id) {
        return byId.getOrDefault(id, id);
    }

    /** The person's name followed by their id, as a trail names who acted; the id alone where no name is known. */
    public String withId(String id) {
        String name = byId.get(id);
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    /** These names, and {@code others} for the people they do not name. */
    public Names with(Map<String, String> others) {
        Map<String, String> merged = new HashMap<>(others);
        merged.putAll(byId);
        return new Names(Map.copyOf(merged));
    }

    public String all(List<String> ids) {
        return ids.stream().map(this::of).collect(Collectors.joining(", "));
    }
}
