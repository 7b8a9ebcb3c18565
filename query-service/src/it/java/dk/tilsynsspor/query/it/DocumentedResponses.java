package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a published API document promises about each answer, checked against the answers themselves: the status is
 * one the operation documents, a documented required header is there, the content type is one documented for that
 * status, and no header the document describes for other answers only (Location, Idempotent-Replayed,
 * Preference-Applied) appears undocumented. A generated client accepts any 2xx; this is what makes a document that
 * lies about a status or a header fail the test.
 */
final class DocumentedResponses {

    private record Operation(String method, Pattern path, String template, JsonNode responses) {
    }

    private final List<Operation> operations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    DocumentedResponses(Path document) {
        try {
            JsonNode paths = new ObjectMapper().readTree(document.toFile()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
                path.getValue().fields().forEachRemaining(method -> operations.add(new Operation(
                        method.getKey().toUpperCase(Locale.ROOT), pattern, path.getKey(),
                        method.getValue().path("responses"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one answer (a generated client's response interceptor calls it). */
    void check(HttpResponse<InputStream> response) {
        String method = response.request().method();
        String path = response.uri().getPath();
        Operation operation = operations.stream()
                .filter(candidate -> candidate.method().equals(method) && candidate.path().matcher(path).matches())
                .findFirst().orElse(null);
        assertThat(operation).as("%s %s is documented", method, path).isNotNull();
        String status = String.valueOf(response.statusCode());
        JsonNode documented = operation.responses().path(status);
        assertThat(documented.isMissingNode()).as("%s %s documents the status %s it answered (documents %s)",
                method, operation.template(), status, names(operation.responses())).isFalse();
        documented.path("headers").fields().forEachRemaining(header -> {
            if (header.getValue().path("required").asBoolean(false)) {
                assertThat(response.headers().firstValue(header.getKey())).as("%s %s %s has its %s header",
                        method, operation.template(), status, header.getKey()).isPresent();
            }
        });
        for (String header : List.of("Location", "Idempotent-Replayed", "Preference-Applied")) {
            if (response.headers().firstValue(header).isPresent()) {
                assertThat(documented.path("headers").has(header)).as("%s %s %s documents its %s header", method,
                        operation.template(), status, header).isTrue();
            }
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (documented.has("content") && !contentType.isEmpty()) {
            String mediaType = contentType.split(";")[0].trim();
            assertThat(names(documented.path("content"))).as("%s %s %s documents its content type", method,
                    operation.template(), status).contains(mediaType);
        }
        checked.add(method + " " + operation.template() + " " + status);
    }

    /** The answers checked so far ("POST /api/orders 201"). */
    List<String> checked() {
        return checked;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
