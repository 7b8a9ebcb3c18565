package dk.tilsynsspor.query.web;

import dk.tilsynsspor.platform.web.ApiDocumentation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Objects;

/** The API's reads: {@code Prefer: read-your-writes} honoured on every one of them. */
@Configuration(proxyBeanMethods = false)
class ApiReadsConfiguration implements WebMvcConfigurer {

    private final ReadYourWritesPreference readYourWrites;

    ApiReadsConfiguration(ReadYourWritesPreference readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    /**
     * The preference in the API document: on every read, its mark in the successes and its refusal beside the 503 of
     * the platform's problems (on the whole document, after every operation is complete).
     */
    @Bean
    OpenApiCustomizer readYourWritesDocumented() {
        return document -> document.getPaths().values().stream().map(PathItem::getGet).filter(Objects::nonNull)
                .forEach(ApiReadsConfiguration::document);
    }

    private static void document(Operation read) {
        read.addParametersItem(ApiDocumentation.header(ReadYourWritesPreference.PREFER, "`"
                + ReadYourWritesPreference.PREFERENCE + "` (RFC 7240): answer only once every read model holds "
                + "everything stored when the read arrived, so that a script reading right after a command sees "
                + "what it wrote (then marked `Preference-Applied`); 503 `read-model-behind` if they do not within "
                + "a few seconds. Without it, the read models answer as they are, some tens of milliseconds behind "
                + "a command's answer.", 1000));
        read.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(ReadYourWritesPreference.PREFERENCE_APPLIED, new Header()
                        .schema(new StringSchema()._enum(List.of(ReadYourWritesPreference.PREFERENCE)))
                        .description("Present when `Prefer: read-your-writes` was asked: the answer holds "
                                + "everything stored when the read arrived."));
            }
        });
        ApiResponse unavailable = read.getResponses().get("503");
        if (unavailable != null) {
            unavailable.setDescription(unavailable.getDescription() + " With `Prefer: read-your-writes`: the "
                    + "read models did not hold everything stored when the read arrived within a few seconds "
                    + "(`read-model-behind`), or too many reads were waiting already (`too-many-waiting-reads`); "
                    + "both with `Retry-After`.");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(readYourWrites).addPathPatterns("/api/**");
    }
}
