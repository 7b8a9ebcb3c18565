package dk.tilsynsspor.command.input;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/**
 * The request bodies' JSON is read strictly (application.yml, {@code spring.jackson}: no duplicate keys, nothing
 * after the document, no unknown fields, no coercion between types, strict dates), and every string in it is
 * checked against {@link TextRules}; every decimal is kept without an exponent that moves its point right; its bytes
 * must be UTF-8 (an upload's parts are checked by the platform, {@code KnownPartsOnly}).
 * The event store's mapper is separate and unaffected.
 */
@Configuration(proxyBeanMethods = false)
class StrictInputConfiguration {

    @Bean
    Module safeStrings() {
        return new SimpleModule("safe-strings").addDeserializer(String.class, new SafeStringDeserializer());
    }

    /** Decimals without an exponent that moves the point right ({@link PlainDecimalDeserializer}). */
    @Bean
    Module plainDecimals() {
        return new SimpleModule("plain-decimals").addDeserializer(BigDecimal.class, new PlainDecimalDeserializer());
    }

    @Bean
    ValidationConfigurationCustomizer messagesByKindOfValue() {
        return StrictInputConfiguration::messagesByKindOfValue;
    }

    /**
     * The constraints' messages (only ours: {@code ValidationMessages*.properties}, never a text from a request) may
     * call a getter of the value refused, so that {@code @Size} tells a text's characters from a list's elements.
     */
    static void messagesByKindOfValue(jakarta.validation.Configuration<?> configuration) {
        configuration.addProperty(HibernateValidatorConfiguration.CONSTRAINT_EXPRESSION_LANGUAGE_FEATURE_LEVEL,
                "bean-methods");
    }

    /** A body whose bytes are not UTF-8 is refused before it is read as JSON ({@link StrictUtf8}). */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictUtf8() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setInputDecorator(new StrictUtf8()));
    }

    /** A number or a boolean where a text belongs is refused too (Jackson would otherwise write it as text). */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
