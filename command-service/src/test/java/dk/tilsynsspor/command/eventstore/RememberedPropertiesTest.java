package dk.tilsynsspor.command.eventstore;

import dk.tilsynsspor.core.order.RecordQualityMeasurement;
import org.axonframework.common.property.Property;
import org.axonframework.common.property.PropertyAccessStrategy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Through Axon's own registry, as Axon's routing of a command to an order's requirement asks it. */
class RememberedPropertiesTest {

    /** A JavaBean getter and a method of the property's name, answering differently. */
    public static final class Both {
        public String getName() {
            return "getter";
        }

        public String name() {
            return "method";
        }
    }

    @Test
    void aCommandsRoutingKeyIsFoundOnceAndThenRemembered() {
        UUID requirement = UUID.randomUUID();
        RecordQualityMeasurement command = new RecordQualityMeasurement(UUID.randomUUID(), requirement,
                UUID.randomUUID(), BigDecimal.ONE, LocalDate.of(2026, 12, 1), "tælling");

        Property<RecordQualityMeasurement> first = PropertyAccessStrategy.getProperty(RecordQualityMeasurement.class,
                "requirementId");
        Property<RecordQualityMeasurement> again = PropertyAccessStrategy.getProperty(RecordQualityMeasurement.class,
                "requirementId");

        assertThat(first.<UUID>getValue(command)).isEqualTo(requirement);
        // Axon's strategies make a new property at each look-up: the same one again is the remembered one
        assertThat(again).isSameAs(first);
    }

    @Test
    void whatIsRememberedIsWhatAxonsOwnStrategiesFindFirst() {
        Property<Both> property = PropertyAccessStrategy.getProperty(Both.class, "name");
        Property<Both> again = PropertyAccessStrategy.getProperty(Both.class, "name");

        assertThat(property.<String>getValue(new Both())).isEqualTo("getter"); // the JavaBean strategy comes first
        assertThat(again).isSameAs(property);
    }

    @Test
    void aPropertyNotFoundIsNotRememberedAndStaysNotFound() {
        assertThat(PropertyAccessStrategy.getProperty(RecordQualityMeasurement.class, "noSuchProperty")).isNull();
        assertThat(PropertyAccessStrategy.getProperty(RecordQualityMeasurement.class, "noSuchProperty")).isNull();
    }
}
