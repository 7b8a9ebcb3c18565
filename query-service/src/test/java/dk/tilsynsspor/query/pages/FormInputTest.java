package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.query.web.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Map;

import static dk.tilsynsspor.query.pages.FormInput.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormInputTest {

    @Test
    void aRowWithNothingTypedButItsIdIsLeftOutAndTheRestRenumbered() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("requirements[0].id", "a");
        form.add("requirements[0].title", "");
        form.add("requirements[1].id", "b");
        form.add("requirements[1].title", "Bolig");
        form.add("requirements[2].title", "Ny");
        FormInput input = new FormInput(form);

        List<Map<String, Object>> rows = input.rows("requirements", 10, row -> body("id", row.text("id"),
                "title", row.text("title")));

        assertThat(rows).containsExactly(Map.of("id", "b", "title", "Bolig"), Map.of("title", "Ny"));
    }

    @Test
    void aRowTheFormCannotHaveIsRefusedRatherThanWhatWasTypedInItLost() {
        for (String field : List.of("requirements[10].title", "requirements[99999999999].title",
                "requirements[-1].title", "requirements[01].title", "requirements[x].title", "requirements[2]")) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("requirements[0].title", "Bolig");
            form.add(field, "Ny");
            FormInput input = new FormInput(form);
            assertThatThrownBy(() -> input.rows("requirements", 10, row -> body("title", row.text("title"))))
                    .as(field).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("højst 10 rækker").hasMessageContaining("Hent siden igen");
        }
        MultiValueMap<String, String> last = new LinkedMultiValueMap<>();
        last.add("requirements[9].title", "Den tiende");
        last.add("requirementsNote", "not a row");
        assertThat(new FormInput(last).rows("requirements", 10, row -> body("title", row.text("title"))))
                .containsExactly(Map.of("title", "Den tiende"));
    }

    @Test
    void theKeyThePageMadeGoesOnAndAnyOtherIsRefusedBeforeItBecomesAHeader() {
        assertThat(withKey(" 6167a734-10b4-4323-8bfa-d71b7aa9ce68 ").idempotencyKey())
                .isEqualTo("6167a734-10b4-4323-8bfa-d71b7aa9ce68");
        assertThat(withKey("").idempotencyKey()).isNull();
        for (String edited : List.of("a\u0007b", "k".repeat(300), "6167a734-10b4-4323-8bfa-d71b7aa9ce68\r\nX-Evil: 1",
                "1-1-1-1-1")) {
            assertThatThrownBy(() -> withKey(edited).idempotencyKey())
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Hent siden igen");
        }
    }

    private static FormInput withKey(String key) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("idempotencyKey", key);
        return new FormInput(form);
    }
}
