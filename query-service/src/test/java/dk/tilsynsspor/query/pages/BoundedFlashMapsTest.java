package dk.tilsynsspor.query.pages;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedFlashMapsTest {

    private final BoundedFlashMaps flashMaps = new BoundedFlashMaps();
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void aSessionKeepsTheNewestFiveFlashMapsOfRefusedFormsWhoseRedirectsWereNotFollowed() {
        for (int form = 1; form <= 8; form++) {
            FlashMap flash = new FlashMap();
            flash.put("form", form);
            flash.setTargetRequestPath("/paabud/" + form);
            MockHttpServletRequest post = new MockHttpServletRequest("POST", "/paabud/" + form + "/handleplan");
            post.setSession(session);
            flashMaps.saveOutputFlashMap(flash, post, new MockHttpServletResponse());
        }

        assertThat(retrieved("/paabud/1")).as("the oldest, dropped").isNull();
        assertThat(retrieved("/paabud/3")).isNull();
        for (int form = 4; form <= 8; form++) {
            assertThat(retrieved("/paabud/" + form)).as("form %d", form).containsEntry("form", form);
        }
    }

    /** The flash map saved for {@code page}, as the redirect to it finds it (null: none). */
    private Map<String, Object> retrieved(String page) {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", page);
        get.setSession(session);
        return flashMaps.retrieveAndUpdate(get, new MockHttpServletResponse());
    }

    @Test
    void theNewestIsStillThereForItsRedirectAndEachExpiresAfterAMinute() {
        FlashMap flash = new FlashMap();
        flash.put("form", "handleplan");
        flash.setTargetRequestPath("/paabud/1");
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/paabud/1/handleplan");
        post.setSession(session);
        flashMaps.saveOutputFlashMap(flash, post, new MockHttpServletResponse());

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/paabud/1");
        page.setSession(session);
        Map<String, Object> retrieved = flashMaps.retrieveAndUpdate(page, new MockHttpServletResponse());
        assertThat(retrieved).isNotNull().containsEntry("form", "handleplan");
        assertThat(flashMaps.getFlashMapTimeout()).isEqualTo(60);
    }
}
