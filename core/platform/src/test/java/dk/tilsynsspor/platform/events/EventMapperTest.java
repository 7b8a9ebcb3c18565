package dk.tilsynsspor.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EventMapperTest {

    private final ObjectMapper mapper = EventMapper.create();

    record Measured(BigDecimal value, LocalDate measuredOn) {
    }

    @Test
    void aNumberOfAThousandDigitsAsPostgreSqlWritesItReadsExactly() throws Exception {
        String thousandZeros = "1" + "0".repeat(1000);
        JsonNode tree = mapper.readTree("{\"value\":" + thousandZeros + ",\"fraction\":1.5E+400}");

        assertThat(tree.get("value").bigIntegerValue().toString()).isEqualTo(thousandZeros);
        assertThat(tree.get("fraction").decimalValue()).isEqualByComparingTo(new BigDecimal("1.5E+400"));
    }

    @Test
    void aFieldAddedLaterIsIgnoredAndDatesAreIsoTexts() throws Exception {
        Measured read = mapper.readValue("{\"value\":2.5,\"measuredOn\":\"2026-11-20\",\"addedLater\":true}",
                Measured.class);

        assertThat(read).isEqualTo(new Measured(new BigDecimal("2.5"), LocalDate.of(2026, 11, 20)));
        assertThat(mapper.writeValueAsString(read)).contains("\"measuredOn\":\"2026-11-20\"");
    }
}
