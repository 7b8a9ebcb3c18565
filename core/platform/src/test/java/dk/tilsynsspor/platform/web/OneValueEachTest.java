package dk.tilsynsspor.platform.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OneValueEachTest {

    private static final String ID = "6167a734-10b4-4323-8bfa-d71b7aa9ce68";

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new Handlers()).setControllerAdvice(new Answers())
                .addInterceptors(new OneValueEach()).build();
    }

    @Test
    void aTextSentTwiceIsRefusedNotJoinedWithAComma() throws Exception {
        mvc.perform(multipart("/upload").file(file("a.txt")).param("title", "x", "y")
                        .param("effectiveOn", "2026-11-20").param("requirementId", ID))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(Problems.TYPE_PREFIX + "invalid-request"))
                .andExpect(jsonPath("$.detail").value("Parameter title is sent more than once; it takes one value."))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("is sent more than once"));
    }

    @Test
    void aDateOrAnIdSentTwiceIsRefusedNotReadAsItsFirst() throws Exception {
        mvc.perform(multipart("/upload").file(file("a.txt")).param("title", "x")
                        .param("effectiveOn", "2026-11-20", "2026-11-21").param("requirementId", ID))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("effectiveOn"));
        mvc.perform(multipart("/upload").file(file("a.txt")).param("title", "x")
                        .param("effectiveOn", "2026-11-20").param("requirementId", ID, ID))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("requirementId"));
    }

    @Test
    void aSecondFileInThePartOfOneIsRefusedNotDropped() throws Exception {
        mvc.perform(multipart("/upload").file(file("a.txt")).file(file("b.txt")).param("title", "x")
                        .param("effectiveOn", "2026-11-20").param("requirementId", ID))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void eachValueOnceIsReadAsSentAndAListTakesSeveral() throws Exception {
        mvc.perform(multipart("/upload").file(file("a.txt")).param("title", "x")
                        .param("effectiveOn", "2026-11-20").param("requirementId", ID))
                .andExpect(status().isOk()).andExpect(content().string("x 2026-11-20 " + ID + " a.txt"));
        mvc.perform(get("/search").param("q", "one").param("tags", "a", "b", "c"))
                .andExpect(status().isOk()).andExpect(content().string("one [a, b, c]"));
        mvc.perform(get("/search").param("q", "one", "two"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @Test
    void theRefusalIsSaidInDanishToWhoAsksForIt() {
        org.assertj.core.api.Assertions.assertThat(DanishProblems.fieldMessage("is sent more than once"))
                .isEqualTo("er sendt mere end én gang");
    }

    private static MockMultipartFile file(String name) {
        return new MockMultipartFile("file", name, "text/plain", "hello".getBytes());
    }

    @RestController
    static class Handlers {

        @PostMapping("/upload")
        String upload(@RequestPart("file") MultipartFile file, @RequestParam("title") String title,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
                      @RequestParam(name = "requirementId") UUID requirementId) {
            return title + " " + effectiveOn + " " + requirementId + " " + file.getOriginalFilename();
        }

        @GetMapping("/search")
        String search(@RequestParam String q, @RequestParam(required = false) List<String> tags) {
            return q + " " + (tags == null ? List.of() : tags);
        }
    }

    @RestControllerAdvice
    static class Answers extends ProblemAnswers {
    }
}
