package dk.tilsynsspor.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class SlowCommandsTest {

    record RecordSomething(String what) {
    }

    @Test
    void aCommandOverTheThresholdIsLoggedWithItsNameAndOutcomeOnceItsUnitOfWorkIsOver(CapturedOutput output)
            throws Exception {
        run(new SlowCommands(Duration.ofMillis(20)), () -> {
            Thread.sleep(40);
            return "done";
        });

        assertThat(output.getOut()).contains("Command " + RecordSomething.class.getName() + " took")
                .contains("(committed)");
    }

    @Test
    void aRefusedSlowCommandIsLoggedAsRolledBack(CapturedOutput output) {
        assertThatThrownBy(() -> run(new SlowCommands(Duration.ZERO), () -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(output.getOut()).contains("Command " + RecordSomething.class.getName() + " took")
                .contains("(rolled back)");
    }

    @Test
    void aCommandUnderTheThresholdIsNotLogged(CapturedOutput output) throws Exception {
        run(new SlowCommands(Duration.ofHours(1)), () -> "done");

        assertThat(output.getOut()).doesNotContain("took");
    }

    private static void run(SlowCommands slowCommands, java.util.concurrent.Callable<Object> handler)
            throws Exception {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new RecordSomething("x"));
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        var result = unitOfWork.executeWithResult(() -> slowCommands.handle(unitOfWork, handler::call));
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }
}
