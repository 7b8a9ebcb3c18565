package dk.tilsynsspor.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pages' way to command-service: a form's command goes to the same API an integrating system uses, with the
 * signed-in user's identity relayed ({@link IdentityRelay}), so the same rules, roles and tenants decide. Problems
 * are asked for in Danish. A form carries an {@code Idempotency-Key} made when it was shown, so a double submit or a
 * resubmit after a lost answer records nothing twice: the second of two identical submits gets the first one's
 * answer (ADR 18).
 */
@Component
public class Commands {

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final RestClient client;
    private final IdentityRelay identity;
    private final ObjectMapper json;

    Commands(@Value("${tilsynsspor.command-service-url}") String commandServiceUrl, RestClient.Builder clients,
             IdentityRelay identity, ObjectMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(30));
        this.client = clients.clone().baseUrl(commandServiceUrl).requestFactory(factory).build();
        this.identity = identity;
        this.json = json;
    }

    /** What command-service answered: done, with its body ({@code {}} if none), or refused with a problem. */
    public sealed interface Outcome {
        record Done(JsonNode body) implements Outcome {
        }

        record Refused(Refusal refusal) implements Outcome {
        }
    }

    public Outcome post(String path, Object body, String idempotencyKey) {
        return send(HttpMethod.POST, path, body, idempotencyKey);
    }

    /** An upload: text fields and the file (streamed from where the servlet container put it), as multipart. */
    public Outcome upload(String path, Map<String, String> fields, MultipartFile file, String idempotencyKey) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                parts.add(name, value);
            }
        });
        if (file != null && !file.isEmpty()) {
            parts.add("file", file.getResource());
        }
        return send(HttpMethod.POST, path, parts, idempotencyKey);
    }

    public Outcome delete(String path, String idempotencyKey) {
        return send(HttpMethod.DELETE, path, null, idempotencyKey);
    }

    private Outcome send(HttpMethod method, String path, Object body, String idempotencyKey) {
        try {
            return once(method, path, body, idempotencyKey, identity.authorization());
        } catch (ResourceAccessException unreachable) {
            log.warn("command-service did not answer {} {}: {}", method, path, unreachable.getMessage());
            return new Outcome.Refused(Refusal.unreachable());
        }
    }

    private Outcome once(HttpMethod method, String path, Object body, String idempotencyKey, String authorization) {
        RestClient.RequestBodySpec request = client.method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "da")
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body instanceof MultiValueMap<?, ?> parts) {
            request.contentType(MediaType.MULTIPART_FORM_DATA).body(parts);
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode answer = read(bytes);
            if (response.getStatusCode().is2xxSuccessful()) {
                return new Outcome.Done(answer);
            }
            log.debug("command-service refused {} {}: {} {}", method, path, response.getStatusCode().value(),
                    new String(bytes, StandardCharsets.UTF_8));
            return new Outcome.Refused(refusal(response.getStatusCode().value(), answer));
        });
    }

    private JsonNode read(byte[] bytes) {
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    private static Refusal refusal(int status, JsonNode problem) {
        String type = problem.path("type").asText("");
        String code = type.substring(type.lastIndexOf(':') + 1);
        List<Refusal.FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            errors.add(new Refusal.FieldError(error.path("field").asText(),
                    Refusal.danish(error.path("message").asText())));
        }
        if (!errors.isEmpty()) { // the fields are marked on the form, by their labels, not the API's names
            return new Refusal(status, code, Refusal.FIELDS_TITLE, Refusal.FIELDS_DETAIL, errors);
        }
        String title = problem.path("title").asText(Refusal.GENERIC_TITLE);
        if (problem.hasNonNull("field")) { // a broken rule about one field: the field is marked with the rule
            errors.add(new Refusal.FieldError(problem.get("field").asText(), title + "."));
        }
        return new Refusal(status, code, title, problem.path("detail").asText(""), errors);
    }

    /** Why command-service refused a command, as the form shows it (Danish title and detail, fields in error). */
    public record Refusal(int status, String code, String title, String detail, List<FieldError> errors)
            implements java.io.Serializable {

        static final String GENERIC_TITLE = "Det blev ikke registreret";
        static final String FIELDS_TITLE = "Ret de markerede felter";
        static final String FIELDS_DETAIL = "Nogle felter mangler eller er ugyldige; intet er registreret.";

        public Refusal {
            errors = List.copyOf(errors);
        }

        public record FieldError(String field, String message) implements java.io.Serializable {
        }

        static Refusal unreachable() {
            return new Refusal(503, "command-service-unavailable", "Tjenesten svarer ikke",
                    "Kommandotjenesten kunne ikke nås, så intet er registreret. Send formularen igen om lidt; "
                            + "den bærer samme nøgle, så intet registreres to gange.", List.of());
        }

        /** Fields the page found wrong before sending anything. */
        public static Refusal invalidFields(Map<String, String> errors) {
            return new Refusal(400, "invalid-request", FIELDS_TITLE, FIELDS_DETAIL,
                    errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList());
        }

        /** The message for a field in error, in Danish, or null. */
        public String error(String field) {
            return errors.stream().filter(error -> error.field().equals(field)).findFirst()
                    .map(FieldError::message).orElse(null);
        }

        /**
         * A field's message as the form says it: command-service answers in Danish when asked (Bean Validation's
         * messages in Hibernate Validator's translations, its own through the platform's {@code DanishProblems}); a
         * required field is said as the form's other required fields are.
         */
        static String danish(String message) {
            if (message.startsWith("må ikke være") || message.startsWith("must not be")) {
                return "Skal udfyldes.";
            }
            if (message.isBlank()) {
                return "Ugyldig værdi.";
            }
            String sentence = Character.toUpperCase(message.charAt(0)) + message.substring(1);
            return sentence.endsWith(".") ? sentence : sentence + ".";
        }
    }
}
