package dk.tilsynsspor.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentationTest {

    @SuppressWarnings("unused") // the routes whose documents are made
    static class Routes {
        @PostMapping("/api/orders")
        void command() {
        }

        @NotACommand
        @PostMapping("/api/notifications/read")
        void reading() {
        }

        @GetMapping("/api/orders")
        void read() {
        }
    }

    private static Operation documented(String route) throws NoSuchMethodException {
        Operation operation = new Operation().responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("OK")));
        return new ApiDocumentation().headersAndProblems().customize(operation,
                new HandlerMethod(new Routes(), Routes.class.getDeclaredMethod(route)));
    }

    @Test
    void aCommandReadsAReasonAndAnIdempotencyKeyAndMayConflictOrBreakARule() throws Exception {
        Operation command = documented("command");
        assertThat(command.getParameters()).extracting(Parameter::getName)
                .containsExactly("Accept-Language", "X-Reason", "Idempotency-Key");
        assertThat(command.getResponses()).containsKeys("409", "413", "422");
        assertThat(command.getResponses().get("200").getDescription()).isEqualTo("Done: the command was carried out.");
        assertThat(command.getResponses().get("200").getHeaders()).containsKey("Idempotent-Replayed");
    }

    @Test
    void aWriteThatIsNoCommandIsDocumentedAsARead() throws Exception {
        for (Operation answer : new Operation[] {documented("reading"), documented("read")}) {
            assertThat(answer.getParameters()).extracting(Parameter::getName).containsExactly("Accept-Language");
            assertThat(answer.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "503");
            assertThat(answer.getResponses().get("200").getDescription()).isEqualTo("The answer.");
            assertThat(answer.getResponses().get("200").getHeaders()).isNull();
        }
    }
}
