package dk.tilsynsspor.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What both services' OpenAPI documents say alike: the title, version (the build's) and description of each, its
 * server, the security schemes (bearer JWT; the demo users' Basic where they are enabled), the tags' descriptions,
 * and for every operation what the service really answers besides its success — the request headers it reads
 * ({@code Accept-Language}; for commands {@code X-Reason} and {@code Idempotency-Key}: every write but a
 * {@link NotACommand} one), the {@code Location} of what a command created and the {@code Idempotent-Replayed} mark
 * of a replayed answer, and every error as problem details ({@code application/problem+json}, schema
 * {@code Problem}) with its stable {@code type}s.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(ApiDocumentation.Properties.class)
public class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** {@code tilsynsspor.api.*}: the service's title, description, version and server, and its tags' texts. */
    @ConfigurationProperties("tilsynsspor.api")
    public record Properties(String title, String description, String version, String server,
                             Map<String, String> tags) {

        public Properties {
            tags = tags == null ? Map.of() : new TreeMap<>(tags);
        }
    }

    @Bean
    OpenAPI apiDocument(Properties properties) {
        return new OpenAPI()
                .info(new Info().title(properties.title()).version(properties.version())
                        .description(properties.description())
                        .contact(new Contact().name("Tilsynsspor")))
                .servers(List.of(new Server().url(properties.server())
                        .description("The service as ./run.sh starts it; in production, its own address.")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Production identity: a JWT from the organisation's or authority's "
                                        + "identity provider with the claims sub, role (INSPECTOR, LEADER or "
                                        + "PROFESSIONAL) and authorityId (inspectors) or organisationId."))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("The demo users (README), only where they are enabled: by default "
                                        + "only on the embedded database."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** The tags' descriptions, from the service's configuration, on the tags its operations use. */
    @Bean
    OpenApiCustomizer describedTags(Properties properties) {
        return document -> document.setTags(properties.tags().entrySet().stream()
                .map(tag -> new Tag().name(tag.getKey()).description(tag.getValue())).toList());
    }

    @Bean
    OperationCustomizer headersAndProblems() {
        return (operation, handler) -> {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                    RequestMapping.class);
            boolean command = mapping != null && Arrays.stream(mapping.method()).anyMatch(method ->
                    method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.DELETE)
                    && !AnnotatedElementUtils.hasAnnotation(handler.getMethod(), NotACommand.class);
            operation.addParametersItem(header("Accept-Language", "With `da` first, problem titles and details "
                    + "are in Danish; otherwise English.", 100));
            if (command) {
                operation.addParametersItem(header("X-Reason", "Why: becomes the `reason` of the events in the "
                        + "audit trail. Send the text's UTF-8 bytes; at most 2,000 characters, no control "
                        + "characters.", 2000));
                operation.addParametersItem(header("Idempotency-Key", "Any text of 1 to 255 characters: the same "
                        + "key and body again answers the first answer (marked `Idempotent-Replayed`) and records "
                        + "nothing new; the same key with another body is refused (422).", 255));
            }
            successes(operation, command);
            problems(operation.getResponses(), command);
            return operation;
        };
    }

    private static void successes(Operation operation, boolean command) {
        operation.getResponses().forEach((status, response) -> {
            if (!status.startsWith("2")) {
                return;
            }
            if ("OK".equals(response.getDescription())) {
                response.setDescription(command ? "Done: the command was carried out." : "The answer.");
            }
            if ("201".equals(status)) {
                response.addHeaderObject("Location", new Header().required(true).schema(new StringSchema()
                        .format("uri")).description("Where what was created can be read (query-service)."));
            }
            if (command) {
                response.addHeaderObject("Idempotent-Replayed", new Header().schema(new StringSchema()
                        ._enum(List.of("true"))).description("Present when this is the stored answer to an "
                        + "earlier request with the same Idempotency-Key; nothing new was recorded."));
            }
        });
    }

    private static void problems(ApiResponses responses, boolean command) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Malformed or invalid request (`invalid-request` with the fields in `errors`, "
                + "`malformed-json`, or an unreadable parameter).");
        errors.put("401", "Not authenticated (`not-authenticated`).");
        errors.put("403", "Authenticated but not allowed: wrong role, another organisation or authority "
                + "(`forbidden`, `wrong-role`, `not-your-organisation`, `not-your-authority`, `not-yourself`).");
        errors.put("404", "Nothing with this id that the caller may see (`not-found`, or the rule's own type for a "
                + "part of it that does not exist).");
        if (command) {
            errors.put("409", "The command conflicts with the current state (the rule's `type`, e.g. "
                    + "`already-acknowledged`, `order-closed`; `concurrent-change`).");
            errors.put("413", "Request body larger than allowed (`body-too-large`).");
            errors.put("422", "A rule of the domain is broken (the rule's `type`, e.g. `evidence-missing`, "
                    + "`deadline-before-issue`; `field` names the field where the rule is about one; "
                    + "`idempotency-key-reused`).");
        }
        errors.put("503", "The database cannot be reached; nothing was changed (`database-unavailable`, with "
                + "`Retry-After`).");
        errors.forEach((status, description) -> responses.addApiResponse(status, new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    /** An optional request header of at most {@code maxLength} characters. */
    public static HeaderParameter header(String name, String description, int maxLength) {
        HeaderParameter parameter = new HeaderParameter();
        parameter.name(name).required(false).description(description)
                .schema(new StringSchema().maxLength(maxLength));
        return parameter;
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("The field, e.g. `requirements[0].title`."));
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details. `type` is stable: `" + Problems.TYPE_PREFIX
                + "<code>`, the code naming the kind of problem or the rule broken.");
        problem.addProperty("type", new StringSchema().format("uri")
                .example(Problems.TYPE_PREFIX + "evidence-missing"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("For a person: what was wrong and how to "
                + "put it right."));
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(fieldError)
                .description("The fields in error (invalid-request)."));
        problem.addProperty("field", new StringSchema().description("The field a broken rule is about, where it "
                + "is about one."));
        problem.required(List.of("type", "title", "status"));
        return problem;
    }
}
