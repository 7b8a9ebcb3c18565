package dk.tilsynsspor.platform.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class KnownPartsOnlyTest {

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new Handlers()).setControllerAdvice(new Answers())
                .addInterceptors(new KnownPartsOnly()).build();
    }

    @Test
    void anUploadWithThePartsItsHandlerTakesIsRead() throws Exception {
        mvc.perform(upload("/upload").part(text("title", "Procedure")))
                .andExpect(status().isOk()).andExpect(content().string("Procedure a.txt"));
    }

    @Test
    void aPartTheHandlerDoesNotTakeIsRefusedNotDropped() throws Exception {
        mvc.perform(upload("/upload").part(text("title", "Procedure"), text("description", "kept nowhere")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(Problems.TYPE_PREFIX + "invalid-request"))
                .andExpect(jsonPath("$.detail").value("Part description is not part of this request."))
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value("is not part of this request"));
    }

    @Test
    void aHandlerTakingEveryParameterAsAMapTakesAnyPart() throws Exception {
        mvc.perform(upload("/anything").part(text("title", "Procedure"), text("description", "d")))
                .andExpect(status().isOk()).andExpect(content().string("[description, title] a.txt"));
    }

    @Test
    void aMultipartBodySentWhereNoUploadIsTakenIsLeftToItsReading() throws Exception {
        mvc.perform(multipart("/json").part(text("summary", "s")))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void aRequestThatIsNotMultipartIsNotChecked() throws Exception {
        mvc.perform(get("/search").param("q", "one").param("page", "2"))
                .andExpect(status().isOk()).andExpect(content().string("one"));
    }

    @Test
    void theRefusalIsSaidInDanishToWhoAsksForIt() {
        assertThat(DanishProblems.fieldMessage("is not part of this request"))
                .isEqualTo("hører ikke til denne forespørgsel");
    }

    /** A multipart POST with a file in part {@code file}, every part a real part as a browser or curl sends it. */
    private static MockMultipartHttpServletRequestBuilder upload(String path) {
        MockPart file = new MockPart("file", "a.txt", "hello".getBytes(StandardCharsets.UTF_8));
        return multipart(path).part(file);
    }

    private static MockPart text(String name, String value) {
        return new MockPart(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @RestController
    static class Handlers {

        @PostMapping("/upload")
        String upload(@RequestPart("file") MultipartFile file, @RequestParam("title") String title) {
            return title + " " + file.getOriginalFilename();
        }

        @PostMapping("/anything")
        String anything(@RequestParam Map<String, String> everything, @RequestPart("file") MultipartFile file) {
            return new TreeSet<>(everything.keySet()) + " " + file.getOriginalFilename();
        }

        @PostMapping("/json")
        String json(@RequestBody Map<String, String> body) {
            return body.toString();
        }

        @GetMapping("/search")
        String search(@RequestParam String q) {
            return q;
        }
    }

    @RestControllerAdvice
    static class Answers extends ProblemAnswers {
    }
}
