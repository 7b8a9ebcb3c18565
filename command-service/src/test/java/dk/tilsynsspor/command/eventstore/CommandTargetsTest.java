package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.core.casework.ForgetCitizen;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTargetsTest {

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static final class ByField {
        @TargetAggregateIdentifier
        private final UUID target;

        ByField(UUID target) {
            this.target = target;
        }
    }

    record ByMethod(UUID id) {
        @TargetAggregateIdentifier
        String target() {
            return "order-" + id;
        }
    }

    record Untargeted(String id) {
    }

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axon = new AnnotationCommandTargetResolver();

    @Test
    void findsTheSameTargetAsAxonForEveryKindOfMember() {
        for (Object command : new Object[]{new ForgetCitizen(UUID.randomUUID(), "asked"),
                new Versioned("case-1", "7"), new ByField(UUID.randomUUID()), new ByMethod(UUID.randomUUID())}) {
            VersionedAggregateIdentifier ours = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier axons = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(ours).as(command.getClass().getSimpleName()).isEqualTo(axons);
        }
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned("case-1", "7"))))
                .isEqualTo(new VersionedAggregateIdentifier("case-1", 7L));
    }

    @Test
    void readsEachCommandsOwnValuesThoughItsMembersAreLookedUpOnce() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new ForgetCitizen(first, "a")))
                .getIdentifier()).isEqualTo(first.toString());
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new ForgetCitizen(second, "b")))
                .getIdentifier()).isEqualTo(second.toString());
    }

    @Test
    void refusesACommandWithoutTargetOrWithANullOneAsAxonDoes() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Untargeted("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[Untargeted]");
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(
                new ForgetCitizen(null, "asked")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@TargetAggregateIdentifier");
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(
                new Versioned("case-1", "seven")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}
