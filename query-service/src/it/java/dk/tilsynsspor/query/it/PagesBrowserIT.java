package dk.tilsynsspor.query.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages in a real browser (Debian's headless Chromium through its chromedriver), as an inspector and leaders
 * use them: login, the dossier with statuses and chart, the dossier as of an earlier instant, the trail verified,
 * the PDF downloaded; another organisation's leader refused. Screenshots of each page go to
 * {@code target/browser-screenshots}. Runs only with {@code -Pbrowser} (.ci/run), on the demo users' form login.
 */
@ExtendWith(EndToEnd.class)
class PagesBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private static Path downloads;
    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("tilsynsspor-downloads");
        profile = Files.createTempDirectory("tilsynsspor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("browser.binary", "/usr/bin/chromium"));
        // The machine's network is closed: no background connections, no component or sync downloads.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--lang=da-DK", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("browser.driver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void onTheDemoUsers(EndToEnd.Stack stack) {
        assumeTrue(stack.tokens == null, "the pages log in with the demo users' form: the embedded pass only");
    }

    @Test
    void anInspectorFollowsAnOrderThroughDossierAsOfTrailAndPdf(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-SIDER-1");
        Instant imposedBy = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Duration.between(Instant.now(), imposedBy).toMillis() + 300); // the rest lands a second later
        example.acknowledgeAndPlan();
        example.openCaseWithTeam();
        example.learn();
        example.measure();
        example.verify();
        String base = stack.queryService.baseUrl();
        String dossier = base + "/paabud/" + example.orderId;
        awaitProjected(stack, example);

        browser.get(dossier);
        assertThat(browser.getCurrentUrl()).as("anonymous visitors are sent to the login").endsWith("/login");
        logIn("inspector");
        assertThat(browser.getCurrentUrl()).as("back to the page asked for").isEqualTo(dossier);
        assertThat(text(By.tagName("h1"))).isEqualTo("Påbud ST-SIDER-1");
        assertThat(text(By.id("ordre-status"))).isEqualTo("Kvitteret");
        assertThat(browser.findElements(By.cssSelector(".krav-status")).stream().map(WebElement::getText))
                .containsExactly("Verificeret", "Verificeret");
        List<WebElement> charts = browser.findElements(By.cssSelector("img.maal-graf"));
        assertThat(charts).hasSize(2);
        for (WebElement chart : charts) {
            assertThat(((Number) js("return arguments[0].complete ? arguments[0].naturalWidth : 0;", chart))
                    .intValue()).as("chart image loaded").isEqualTo(800);
            assertThat(chart.getAttribute("alt")).contains("mål");
        }
        assertThat(browser.findElements(By.cssSelector("table.maalinger tbody tr"))).hasSize(4 + 1);
        assertThat(browser.getPageSource()).contains("Magtanvendelser faldet fra 6 til 2 om måneden",
                "Uro opstår ved aftensmaden");
        assertEveryFieldIsLabelled();
        assertFirstTabReachesTheSkipLink();
        screenshot("01-dossier");

        // pick an instant in the "as of" field: the order as it stood after imposing, before anything else
        WebElement picker = browser.findElement(By.id("asOf"));
        js("arguments[0].value = arguments[1];", picker, LocalDateTime.ofInstant(imposedBy, DANISH)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
        picker.submit();
        awaitNavigation(url -> url.contains("asOf="));
        assertThat(browser.findElement(By.id("som-det-stod")).getText()).contains("som det stod");
        assertThat(text(By.id("ordre-status"))).isEqualTo("Givet");
        assertThat(browser.findElements(By.cssSelector(".krav-status")).stream().map(WebElement::getText))
                .containsExactly("Åben", "Åben");
        assertThat(browser.findElements(By.cssSelector("img.maal-graf"))).isEmpty();
        screenshot("02-dossier-som-det-stod");

        browser.get(dossier);
        browser.findElement(By.id("til-revisionsspor")).click();
        awaitNavigation(url -> url.contains("/revisionsspor"));
        WebElement verification = browser.findElement(By.id("verifikation"));
        assertThat(verification.getAttribute("class")).contains("ok");
        assertThat(verification.getText()).contains("Revisionssporet er ubrudt");
        int entries = stack.queries.get("inspector", "/api/orders/" + example.orderId + "/audit-trail")
                .body().get("entries").size();
        assertThat(browser.findElements(By.cssSelector("#spor tbody tr"))).hasSize(entries);
        screenshot("03-revisionsspor");
        new Select(browser.findElement(By.id("haendelse"))).selectByVisibleText("Måling registreret");
        browser.findElement(By.id("haendelse")).submit();
        awaitNavigation(url -> url.contains("haendelse="));
        assertThat(browser.findElements(By.cssSelector("#spor tbody tr"))).hasSize(5)
                .allSatisfy(row -> assertThat(row.getText()).contains("Måling registreret"));
        assertEveryFieldIsLabelled();

        browser.findElement(By.id("hent-pdf")).click();
        Path pdf = await().atMost(Duration.ofSeconds(20)).until(() -> downloaded(".pdf"), file -> file != null);
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        assertThat(pdf.getFileName().toString()).isEqualTo("revisionsspor-ST-SIDER-1.pdf");
        Files.copy(pdf, SCREENSHOTS.resolve(pdf.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        logOut();

        // another organisation's leader: the order answers as if it did not exist, on every page of it
        logIn("leader2");
        for (String page : List.of(dossier, dossier + "/revisionsspor", dossier + "/revisionsspor/eksport?format=pdf",
                base + "/sager/" + example.caseId)) {
            browser.get(page);
            assertThat(text(By.tagName("h1"))).as(page).isEqualTo("Siden findes ikke");
            assertThat(browser.getPageSource()).doesNotContain("ST-SIDER-1");
        }
        screenshot("04-anden-organisations-leder-afvist");
        browser.get(base + "/paabud");
        assertThat(browser.getPageSource()).doesNotContain("ST-SIDER-1");
        logOut();
    }

    @Test
    void leadersSeeTheirOverviewAndOrdersWithDeadlinesHighlightedAndProfessionalsTheirCase(EndToEnd.Stack stack)
            throws Exception {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-SIDER-2");
        String soon = WorkedExample.expect(201, stack.commands.post("inspector", "/api/orders", Map.of(
                "authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap",
                "reference", "ST-SIDER-3", "legalBasis", "Lov om socialtilsyn § 8",
                "issuedOn", LocalDate.now(DANISH).toString(), "summary", "Kort frist",
                "requirements", List.of(Map.of("title", "Medicinhåndtering", "qualityTheme", "SUNDHED_OG_TRIVSEL",
                        "requiredChange", "medicine is handled by staff trained for it",
                        "deadline", LocalDate.now(DANISH).plusDays(5).toString())))))
                .body().get("id").asText();
        awaitProjected(stack, example);
        String base = stack.queryService.baseUrl();

        browser.get(base + "/");
        logIn("leader");
        assertThat(browser.getCurrentUrl()).endsWith("/overblik");
        assertThat(text(By.tagName("h1"))).isEqualTo("Overblik for kk-handicap");
        assertThat(browser.findElement(By.id("snart")).findElement(By.xpath("..")).getText())
                .contains("ST-SIDER-3", "Medicinhåndtering", "om 5 dage");
        assertThat(browser.getPageSource()).contains("Pia Pædagog");
        screenshot("05-overblik");

        browser.findElement(By.linkText("Påbud")).click();
        awaitNavigation(url -> url.endsWith("/paabud"));
        WebElement row = browser.findElement(By.xpath("//table[@id='paabud']//tr[td/a[text()='ST-SIDER-3']]"));
        assertThat(row.getAttribute("class")).contains("due-soon");
        assertThat(row.getText()).contains("1 krav med frist snart");
        WebElement verified = browser.findElement(By.xpath("//table[@id='paabud']//tr[td/a[text()='ST-SIDER-2']]"));
        assertThat(verified.getAttribute("class")).doesNotContain("due-soon").doesNotContain("overdue");
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Givet");
        browser.findElement(By.id("status")).submit();
        awaitNavigation(url -> url.contains("status=IMPOSED"));
        assertThat(browser.getPageSource()).contains("ST-SIDER-3").doesNotContain("ST-SIDER-2");
        screenshot("06-paabud");
        logOut();

        logIn("paedagog");
        assertThat(text(By.tagName("h1"))).isEqualTo("Mine sager");
        WebElement myCase = browser.findElement(By.xpath("//table[@id='mine-sager']//a[text()='borger-0417' and "
                + "contains(@href, '" + example.caseId + "')]"));
        screenshot("07-mine-sager");
        myCase.click();
        awaitNavigation(url -> url.endsWith("/sager/" + example.caseId));
        assertThat(text(By.tagName("h1"))).isEqualTo("Borgersag borger-0417");
        assertThat(browser.getPageSource()).contains("Pia Pædagog", "at læse optrapning tidligt",
                "Skærmet spiseplads og faste rutiner ved aftensmaden");
        screenshot("08-sag");
        browser.get(base + "/paabud/" + soon);
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen adgang");
        logOut();
    }

    private static void awaitProjected(EndToEnd.Stack stack, WorkedExample example) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector",
                "/api/orders/" + example.orderId + "/dossier").status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector",
                        "/api/orders/" + example.orderId + "/dossier").body().get("requirements").get(0)
                .get("status").asText().equals("VERIFIED"));
    }

    private static void logIn(String user) {
        if (!browser.getCurrentUrl().endsWith("/login")) {
            browser.get(browser.getCurrentUrl().replaceAll("^(https?://[^/]+).*$", "$1") + "/login");
        }
        assertThat(text(By.tagName("h1"))).isEqualTo("Log ind");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(EndToEnd.PASSWORD, Keys.ENTER);
        awaitNavigation(url -> !url.contains("/login"));
    }

    private static void logOut() {
        browser.findElement(By.xpath("//button[text()='Log ud']")).click();
        awaitNavigation(url -> url.contains("/login?logget-ud"));
    }

    /** A click or a submitted form may navigate after it returns: wait for the page it leads to. */
    private static void awaitNavigation(Predicate<String> arrived) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(browser.getCurrentUrl()).as("the page after the click")
                        .matches(arrived));
    }

    private static void assertEveryFieldIsLabelled() {
        for (WebElement field : browser.findElements(By.cssSelector("input:not([type=hidden]), select"))) {
            String id = field.getAttribute("id");
            assertThat(id).as("field %s has an id", field.getAttribute("name")).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']")))
                    .as("label for %s", id).hasSize(1);
        }
    }

    private static void assertFirstTabReachesTheSkipLink() {
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Spring til indhold");
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static Path downloaded(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(file -> file.toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    /** The whole page, as tall as it is, at a laptop's width. */
    private static void screenshot(String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, 8000)));
        try {
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
