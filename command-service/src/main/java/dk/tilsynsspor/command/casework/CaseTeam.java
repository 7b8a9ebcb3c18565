package dk.tilsynsspor.command.casework;

import dk.tilsynsspor.command.lookup.OrderDirectory;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.casework.AssignProfessionalToCase;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.casework.ProfessionalReleasedFromCase;
import dk.tilsynsspor.core.casework.ReleaseProfessionalFromCase;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static dk.tilsynsspor.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The professionals on a case's team: who is assigned and released, an entity of {@link CitizenCase}. */
final class CaseTeam {

    private final CitizenCase kase;
    /** Professional id → their home organisation. */
    private final Map<String, String> members = new HashMap<>();

    CaseTeam(CitizenCase kase) {
        this.kase = kase;
    }

    @CommandHandler
    void handle(AssignProfessionalToCase command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.LEADER);
        kase.assertOpen();
        requireText(command.professionalId(), "assignment-incomplete", "Name the professional's id.");
        requireText(command.name(), "assignment-incomplete", "Name the professional.");
        if (members.containsKey(command.professionalId())) {
            throw RuleViolation.conflict("already-on-team", "Professional " + command.professionalId()
                    + " is on the team of case " + command.caseId() + " already.");
        }
        apply(new ProfessionalAssignedToCase(command.caseId(), kase.orderId(), command.professionalId(),
                command.name(), command.discipline(), command.sector(), command.role(),
                command.homeOrganisationId() == null || command.homeOrganisationId().equals(kase.organisationId())
                        ? null : command.homeOrganisationId()));
    }

    @CommandHandler
    void handle(ReleaseProfessionalFromCase command, Actor actor, OrderDirectory orders) {
        kase.guard(actor, orders, Role.LEADER);
        kase.assertOpen();
        if (!members.containsKey(command.professionalId())) {
            throw RuleViolation.notFound("not-on-team", "Professional " + command.professionalId()
                    + " is not on the team of case " + command.caseId() + ".");
        }
        apply(new ProfessionalReleasedFromCase(command.caseId(), kase.orderId(), command.professionalId()));
    }

    /** Professional id → home organisation. */
    Map<String, String> members() {
        return members;
    }

    void assertOnTeam(Collection<String> professionalIds) {
        for (String professionalId : professionalIds) {
            if (!members.containsKey(professionalId)) {
                throw RuleViolation.unprocessable("not-on-team",
                        "Professional " + professionalId + " is not on the team of case " + kase.caseId() + ".");
            }
        }
    }

    @EventSourcingHandler
    void on(ProfessionalAssignedToCase event) {
        members.put(event.professionalId(), event.homeOrganisationOr(kase.organisationId()));
    }

    @EventSourcingHandler
    void on(ProfessionalReleasedFromCase event) {
        members.remove(event.professionalId());
    }

    /** Value equality (the case it belongs to aside), for Axon's fixtures' comparison of states. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CaseTeam that && members.equals(that.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }
}
