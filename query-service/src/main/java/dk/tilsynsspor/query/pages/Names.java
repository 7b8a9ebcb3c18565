package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.order.query.ComplianceDossier;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * People as the pages show them: by the names entered for them on a case's team, by their id only where no team
 * names them (someone released since, or a leader who facilitated). Templates call it as {@code names}.
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

    public String all(List<String> ids) {
        return ids.stream().map(this::of).collect(Collectors.joining(", "));
    }
}
