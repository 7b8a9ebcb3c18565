package dk.tilsynsspor.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;

class TimeLimitedUnitsOfWorkTest {

    @Test
    void theCommandBussUnitsOfWorkAreLimitedByTheTransactionSettings() {
        TimeoutProperties properties = new TimeoutProperties();
        properties.getTransaction().setCommandBus(new TaskTimeoutSettings(200, -1, 1000));
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false); // no Axon Server here
        new TimeLimitedUnitsOfWork().unitOfWorkTimeLimits(properties).configureModule(configurer);
        Configuration axon = configurer.buildConfiguration();
        axon.commandBus().subscribe("slow", command -> {
            Thread.sleep(10_000);
            return "done";
        });
        axon.commandBus().subscribe("quick", command -> "done");
        axon.start();
        try {
            CommandGateway gateway = axon.commandGateway();

            assertThat((Object) gateway.sendAndWait(new GenericCommandMessage<>(
                    new GenericMessage<>("x"), "quick"))).isEqualTo("done");
            assertThatThrownBy(() -> gateway.sendAndWait(new GenericCommandMessage<>(
                    new GenericMessage<>("x"), "slow")))
                    .isInstanceOf(AxonTimeoutException.class);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        } finally {
            axon.shutdown();
        }
    }
}
