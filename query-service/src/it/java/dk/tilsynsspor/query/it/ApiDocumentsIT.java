package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services' OpenAPI documents as the running services serve them (to anyone: they hold no data) are the ones
 * published in {@code docs/api}, from which the clients of {@link GeneratedClientIT} are generated. A document that
 * changed is written there and the test fails, so that the new one is looked at and committed.
 */
@ExtendWith(EndToEnd.class)
class ApiDocumentsIT {

    static final Path PUBLISHED = Path.of("..", "docs", "api");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void eachServicesDocumentIsTheOnePublishedInDocsApi(EndToEnd.Stack stack) throws IOException {
        // both are compared (and rewritten where they changed) before either fails the test
        List<String> outOfDate = new ArrayList<>();
        for (String service : List.of("command-service", "query-service")) {
            Api api = service.equals("command-service") ? stack.commands : stack.queries;
            if (!published(service, api.get(null, "/v3/api-docs"))) {
                outOfDate.add("docs/api/" + service + ".json");
            }
        }
        assertThat(outOfDate).as("documents that were not what the services serve (they are rewritten now: look "
                + "at them and commit them)").isEmpty();
    }

    /** Whether the published document is what the service serves; if not, it is rewritten. */
    private static boolean published(String service, Api.Response served) throws IOException {
        assertThat(served.status()).as("%s serves its document to anyone", service).isEqualTo(200);
        JsonNode document = served.body();
        assertThat(document.at("/info/version").asText()).as("the build's version").isNotBlank()
                .doesNotContain("@");
        String text = JSON.writeValueAsString(document) + "\n";
        Path file = PUBLISHED.resolve(service + ".json");
        String published = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (published.equals(text)) {
            return true;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return false;
    }
}
