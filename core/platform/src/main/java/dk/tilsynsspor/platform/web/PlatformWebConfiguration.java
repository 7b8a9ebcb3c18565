package dk.tilsynsspor.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web plumbing both services share: problem answers from filters and from Tomcat, the request guard, one value
 * for each parameter taken as one, and only known parts in an upload to the API.
 */
@AutoConfiguration(before = {ServletWebServerFactoryAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
public class PlatformWebConfiguration {

    /** Where each service's API is; the rest are pages and the operator's endpoints. */
    static final String API = "/api/**";

    /** In place of Boot's error controller: problem details for whatever reaches the container's error page. */
    @Bean
    ProblemErrorController basicErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                                                ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    @Bean
    ProblemResponses problemResponses(ObjectMapper objectMapper) {
        return new ProblemResponses(objectMapper);
    }

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(@Value("${tilsynsspor.max-request-body:1MB}") DataSize limit,
                                                      @Value("${tilsynsspor.max-upload-body:26MB}") DataSize uploads,
                                                      ProblemResponses problems) {
        FilterRegistrationBean<RequestGuard> registration =
                new FilterRegistrationBean<>(new RequestGuard(limit, uploads, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A parameter its handler takes one value of, sent more than once, refused (not joined, not half read). An upload
     * to the API may carry only the parts its handler takes; any other is refused, as an unknown JSON field is. Not
     * the pages: a page's form carries parts of its own (the CSRF token).
     */
    @Bean
    WebMvcConfigurer parameterChecks() {
        OneValueEach oneValueEach = new OneValueEach();
        KnownPartsOnly knownPartsOnly = new KnownPartsOnly();
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(oneValueEach);
                registry.addInterceptor(knownPartsOnly).addPathPatterns(API);
            }
        };
    }

    /** Problems in Danish for clients that ask for Danish first. */
    @Bean
    DanishProblemAdvice danishProblemAdvice() {
        return new DanishProblemAdvice();
    }

    /** Spring Security's firewall, reading header values as the UTF-8 clients send. */
    @Bean
    @ConditionalOnClass(StrictHttpFirewall.class)
    HttpFirewall httpFirewall() {
        return HeaderFirewall.create();
    }

    /** A request the firewall refuses (an encoded slash, a control character in a header, ...) as a problem. */
    @Bean
    @ConditionalOnClass(StrictHttpFirewall.class)
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request", "The request was refused: " + rejected.getMessage());
    }

    /** Boot's Tomcat, with {@link ProblemErrorReportValve} answering Tomcat's own errors. */
    @Bean
    TomcatServletWebServerFactory tomcatServletWebServerFactory() {
        return new TomcatServletWebServerFactory() {
            @Override
            protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
                ProblemErrorReportValve.install(tomcat.getHost());
                return super.getTomcatWebServer(tomcat);
            }
        };
    }
}
