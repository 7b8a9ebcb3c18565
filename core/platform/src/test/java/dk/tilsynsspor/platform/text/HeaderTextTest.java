package dk.tilsynsspor.platform.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTest {

    /** What the servlet container hands on for bytes it read: each byte as one ISO-8859-1 character. */
    private static String asContainerReadsIt(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8BytesAreReadAsTheDanishTextTheClientSent() {
        String sent = "tilsynsbesøg på Ærø";
        assertThat(HeaderText.decode(asContainerReadsIt(sent.getBytes(StandardCharsets.UTF_8)))).isEqualTo(sent);
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsTheIso88591TheyAre() {
        String sent = "tilsynsbesøg";
        assertThat(HeaderText.decode(asContainerReadsIt(sent.getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo(sent);
    }

    @Test
    void asciiIsUnchanged() {
        assertThat(HeaderText.decode("plain reason")).isEqualTo("plain reason");
    }
}
