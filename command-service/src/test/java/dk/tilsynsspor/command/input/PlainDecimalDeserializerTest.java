package dk.tilsynsspor.command.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PlainDecimalDeserializerTest {

    record Body(BigDecimal value) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new SimpleModule()
            .addDeserializer(BigDecimal.class, new PlainDecimalDeserializer()));

    private BigDecimal read(String number) throws Exception {
        return mapper.readValue("{\"value\":" + number + "}", Body.class).value();
    }

    @Test
    void aDecimalIsKeptAsWrittenTrailingZerosAndAll() throws Exception {
        assertThat(read("1.500").toString()).isEqualTo("1.500");
        assertThat(read("-0.25").toString()).isEqualTo("-0.25");
        assertThat(read("42").toString()).isEqualTo("42");
        assertThat(read("1.5e-3").toString()).isEqualTo("0.0015");
    }

    @Test
    void anExponentThatMovesThePointRightIsWrittenOutAndAZeroIsZero() throws Exception {
        assertThat(read("1E+11").toString()).isEqualTo("100000000000");
        assertThat(read("-2.5e3").toString()).isEqualTo("-2500");
        assertThat(read("0E+2147483647").toString()).as("zero, which passes any bound on digits").isEqualTo("0");
        assertThat(read("0e5").toString()).isEqualTo("0");
    }

    @Test
    void aNumberTooLargeForAnyFieldIsLeftAsWrittenForItsBoundToRefuse() throws Exception {
        BigDecimal huge = read("1E+2147483647");
        assertThat(huge.scale()).isEqualTo(-2147483647);
        assertThat(read("1E+17").toString()).as("18 digits").isEqualTo("100000000000000000");
        assertThat(read("1E+18").scale()).as("19 digits").isEqualTo(-18);
    }
}
