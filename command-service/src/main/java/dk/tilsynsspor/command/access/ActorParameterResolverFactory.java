package dk.tilsynsspor.command.access;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Resolves a handler parameter of type {@link Actor} from the message's audit metadata, so aggregates can check who
 * sends a command against their own state. Resolves to null when the metadata carries no actor (deadlines, which
 * the system raises); the checks then refuse every command. Registered through {@code META-INF/services}, so it
 * works alike in the application and in fixture tests.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return actorOf(message.getMetaData());
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }

    static Actor actorOf(MetaData metaData) {
        Object id = metaData.get(AuditMetadata.ACTOR_ID);
        Object role = metaData.get(AuditMetadata.ACTOR_ROLE);
        Object scope = metaData.get(AuditMetadata.ACTOR_SCOPE);
        if (id == null || role == null || scope == null) {
            return null;
        }
        return new Actor(id.toString(), Role.valueOf(role.toString()), scope.toString());
    }
}
