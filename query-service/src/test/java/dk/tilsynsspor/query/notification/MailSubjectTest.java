package dk.tilsynsspor.query.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailSubjectTest {

    @Test
    void aTextWithLineBreaksIsOneLineAndAShortOneIsWhole() {
        assertThat(MailDeliveries.subject("Påbud ST-1\r\nBcc: x er givet af\tsocialtilsyn."))
                .isEqualTo("Tilsynsspor: Påbud ST-1 Bcc: x er givet af socialtilsyn.");
    }

    @Test
    void aLongTextIsCutBetweenCharactersNeverInsideAnEmoji() {
        String text = "a".repeat(66) + "😀😀 og mere tekst end en emnelinje kan bære";

        String subject = MailDeliveries.subject(text);

        assertThat(subject).isEqualTo("Tilsynsspor: " + "a".repeat(66) + "😀...");
        assertThat(subject.codePoints().noneMatch(codePoint -> codePoint >= 0xD800 && codePoint <= 0xDFFF)).isTrue();
    }
}
