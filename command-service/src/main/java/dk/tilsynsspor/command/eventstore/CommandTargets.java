package dk.tilsynsspor.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Finds the aggregate a command is for as Axon's {@code AnnotationCommandTargetResolver} does (the method, else the
 * field, annotated {@link TargetAggregateIdentifier}, and likewise {@link TargetAggregateVersion}), but looks for
 * those members once per command class instead of walking every method and field of the command on every command
 * (about 2.5 % of command-service's CPU under load, most of it looking for a version member no command has).
 */
final class CommandTargets implements CommandTargetResolver {

    /** The members of one command class that name its aggregate and the version it expects (null: none). */
    private record Members(Accessor identifier, Accessor version) {
    }

    @FunctionalInterface
    private interface Accessor {
        Object read(Object command) throws InvocationTargetException, IllegalAccessException;
    }

    private final ClassValue<Members> members = new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> type) {
            return new Members(annotated(type, TargetAggregateIdentifier.class),
                    annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Members of = members.get(command.getPayloadType());
        Object identifier;
        Long version;
        try {
            identifier = of.identifier() == null ? null : of.identifier().read(command.getPayload());
            version = asLong(of.version() == null ? null : of.version().read(command.getPayload()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "An exception occurred while extracting aggregate information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of "
                    + "aggregate information from the given command.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                    + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Accessor annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                Method accessible = ReflectionUtils.ensureAccessible(method);
                return accessible::invoke;
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return command -> ReflectionUtils.getFieldValue(field, command);
            }
        }
        return null;
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        if (version instanceof Number number) {
            return number.longValue();
        }
        if (version instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The value provided for the version is not a number.", e);
            }
        }
        throw new IllegalArgumentException("The value provided for the version is not a number.");
    }
}
