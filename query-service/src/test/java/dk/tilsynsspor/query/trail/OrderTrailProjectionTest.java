package dk.tilsynsspor.query.trail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTrailProjectionTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void finds_the_escaped_nul_of_a_stored_payload_wherever_it_is() {
        byte[] nul = bytes("\\u0000");
        assertThat(OrderTrailProjection.contains(bytes("{\"insight\":\"før\\u0000efter\"}"), nul)).isTrue();
        assertThat(OrderTrailProjection.contains(bytes("\\u0000{}"), nul)).isTrue();
        assertThat(OrderTrailProjection.contains(bytes("{}\\u0000"), nul)).isTrue();
        assertThat(OrderTrailProjection.contains(bytes("\\u0000"), nul)).isTrue();
    }

    @Test
    void a_payload_without_it_is_stored_as_it_is() {
        byte[] nul = bytes("\\u0000");
        assertThat(OrderTrailProjection.contains(bytes("{\"insight\":\"før \\u0001 \\u000 u0000\"}"), nul)).isFalse();
        assertThat(OrderTrailProjection.contains(bytes("\\u000"), nul)).isFalse();
        assertThat(OrderTrailProjection.contains(new byte[0], nul)).isFalse();
    }
}
