package dk.tilsynsspor.command.access;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.casework.ChooseDevelopmentTheme;
import dk.tilsynsspor.core.casework.RecordSessionInsight;
import dk.tilsynsspor.core.order.AcceptCompliance;
import dk.tilsynsspor.core.order.CloseSupervisoryOrder;
import dk.tilsynsspor.core.order.EscalateSupervisoryOrder;
import dk.tilsynsspor.core.order.ExtendRequirementDeadline;
import dk.tilsynsspor.core.order.EndEscalation;
import dk.tilsynsspor.core.order.ExtendEscalation;
import dk.tilsynsspor.core.order.PublishOrder;
import dk.tilsynsspor.core.order.RefuseDeadlineExtension;
import dk.tilsynsspor.core.order.UnpublishOrder;
import dk.tilsynsspor.core.order.ReviewActionPlan;
import dk.tilsynsspor.core.order.ImposeSupervisoryOrder;
import dk.tilsynsspor.core.order.GiveNoticeOfOrder;
import dk.tilsynsspor.core.order.LetNoticeLapse;
import dk.tilsynsspor.core.order.RecordAppealDecision;
import dk.tilsynsspor.core.order.RejectCompliance;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Actors for fixture tests: the metadata of a command sent by them, and a default actor per command. */
public final class Actors {

    public static final MetaData INSPECTOR = as("inspector", Role.INSPECTOR, "socialtilsyn-hovedstaden");
    public static final MetaData OTHER_INSPECTOR = as("inspector2", Role.INSPECTOR, "socialtilsyn-nord");
    public static final MetaData LEADER = as("leader", Role.LEADER, "kk-handicap");
    public static final MetaData OTHER_LEADER = as("leader2", Role.LEADER, "aarhus-psykiatri");

    private static final Set<Class<?>> INSPECTORS_COMMANDS = Set.of(ImposeSupervisoryOrder.class,
            AcceptCompliance.class, RejectCompliance.class, ExtendRequirementDeadline.class,
            EscalateSupervisoryOrder.class, CloseSupervisoryOrder.class, ReviewActionPlan.class,
            RefuseDeadlineExtension.class, PublishOrder.class, UnpublishOrder.class, ExtendEscalation.class,
            EndEscalation.class, GiveNoticeOfOrder.class, LetNoticeLapse.class, RecordAppealDecision.class);

    private Actors() {
    }

    public static MetaData as(String id, Role role, String scope) {
        return MetaData.from(Map.of(AuditMetadata.ACTOR_ID, id, AuditMetadata.ACTOR_ROLE, role.name(),
                AuditMetadata.ACTOR_SCOPE, scope));
    }

    public static MetaData professional(String id) {
        return as(id, Role.PROFESSIONAL, "kk-handicap");
    }

    /**
     * Sends each command a test does not give an actor as the actor the domain expects: an inspector of
     * socialtilsyn-hovedstaden, the professional named in the command, or else a leader of kk-handicap. The tests
     * of who may do what give their actors explicitly.
     */
    public static MessageDispatchInterceptor<CommandMessage<?>> byDefault() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, message) -> message.getMetaData().containsKey(AuditMetadata.ACTOR_ID)
                        ? message : message.andMetaData(defaultFor(message.getPayload()));
            }
        };
    }

    private static MetaData defaultFor(Object command) {
        if (INSPECTORS_COMMANDS.contains(command.getClass())) {
            return INSPECTOR;
        }
        if (command instanceof ChooseDevelopmentTheme theme) {
            return professional(theme.professionalId());
        }
        if (command instanceof RecordSessionInsight insight) {
            return professional(insight.professionalId());
        }
        return LEADER;
    }
}
