package dk.tilsynsspor.command.order;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class LatestOrderReadPreparedTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final Configuration configuration = mock(Configuration.class);
    @SuppressWarnings("unchecked")
    private final Repository<SupervisoryOrder> orders = mock(Repository.class);
    private final ApplicationRunner runner = new OrderSnapshots().latestOrderReadPrepared(jdbc, configuration);

    LatestOrderReadPreparedTest() {
        when(configuration.repository(SupervisoryOrder.class)).thenReturn(orders);
    }

    @Test
    void theLatestOrderIsReadInAUnitOfWorkThatIsRolledBackSoNothingIsWrittenOrKept() throws Exception {
        when(jdbc.queryForList(anyString(), eq(String.class), any(Object[].class))).thenReturn(List.of("order-7"));
        AtomicBoolean readInAUnitOfWork = new AtomicBoolean();
        AtomicReference<Message<?>> message = new AtomicReference<>();
        AtomicBoolean rolledBack = new AtomicBoolean();
        doAnswer(invocation -> {
            readInAUnitOfWork.set(CurrentUnitOfWork.isStarted());
            message.set(CurrentUnitOfWork.get().getMessage());
            CurrentUnitOfWork.get().onRollback(unitOfWork -> rolledBack.set(true));
            return null;
        }).when(orders).load("order-7");

        runner.run(new DefaultApplicationArguments());

        verify(orders).load("order-7");
        assertThat(readInAUnitOfWork).isTrue();
        assertThat(message.get()).as("what Axon's repository expects a load's unit of work to hold (else it warns)")
                .isInstanceOf(CommandMessage.class);
        assertThat(rolledBack).as("rolled back: no event, no snapshot, nothing cached").isTrue();
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }

    @Test
    void aStoreWithoutOrdersAndAFailedReadOnlyLeaveTheStartAsItWas() throws Exception {
        when(jdbc.queryForList(anyString(), eq(String.class), any(Object[].class))).thenReturn(List.of());
        runner.run(new DefaultApplicationArguments());
        verify(orders, never()).load(anyString());

        when(jdbc.queryForList(anyString(), eq(String.class), any(Object[].class))).thenReturn(List.of("order-8"));
        when(orders.load("order-8")).thenThrow(new IllegalStateException("unreadable"));
        runner.run(new DefaultApplicationArguments());
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }
}
