package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    @RegisterExtension
    static final Browser browser = new Browser();

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
        assertThat(browser.url()).as("anonymous visitors are sent to the login").endsWith("/login");
        browser.logIn("inspector");
        assertThat(browser.url()).as("back to the page asked for").isEqualTo(dossier);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Påbud ST-SIDER-1");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Kvitteret");
        assertThat(browser.findAll(By.cssSelector(".krav-status")).stream().map(WebElement::getText))
                .containsExactly("Verificeret", "Verificeret");
        List<WebElement> charts = browser.findAll(By.cssSelector("img.maal-graf"));
        assertThat(charts).hasSize(2);
        for (WebElement chart : charts) {
            assertThat(((Number) browser.js("return arguments[0].complete ? arguments[0].naturalWidth : 0;", chart))
                    .intValue()).as("chart image loaded").isEqualTo(800);
            assertThat(chart.getAttribute("alt")).contains("mål");
        }
        assertThat(browser.findAll(By.cssSelector("table.maalinger tbody tr"))).hasSize(4 + 1);
        assertThat(browser.source()).contains("Magtanvendelser faldet fra 6 til 2 om måneden",
                "Uro opstår ved aftensmaden");
        browser.assertEveryFieldIsLabelled();
        assertFirstTabReachesTheSkipLink();
        browser.screenshot("01-dossier");

        // pick an instant in the "as of" field: the order as it stood after imposing, before anything else
        WebElement picker = browser.find(By.id("asOf"));
        browser.js("arguments[0].value = arguments[1];", picker, LocalDateTime.ofInstant(imposedBy, DANISH)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
        picker.submit();
        browser.awaitNavigation(url -> url.contains("asOf="));
        assertThat(browser.find(By.id("som-det-stod")).getText()).contains("som det stod");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Givet");
        assertThat(browser.findAll(By.cssSelector(".krav-status")).stream().map(WebElement::getText))
                .containsExactly("Åben", "Åben");
        assertThat(browser.findAll(By.cssSelector("img.maal-graf"))).isEmpty();
        browser.screenshot("02-dossier-som-det-stod");

        browser.get(dossier);
        browser.find(By.id("til-revisionsspor")).click();
        browser.awaitNavigation(url -> url.contains("/revisionsspor"));
        WebElement verification = browser.find(By.id("verifikation"));
        assertThat(verification.getAttribute("class")).contains("ok");
        assertThat(verification.getText()).contains("Revisionssporet er ubrudt");
        int entries = stack.queries.get("inspector", "/api/orders/" + example.orderId + "/audit-trail")
                .body().get("entries").size();
        assertThat(browser.findAll(By.cssSelector("#spor tbody tr"))).hasSize(entries);
        assertThat(browser.text(By.cssSelector("#spor caption"))).isEqualTo(entries + " hændelser, ældste først");
        browser.screenshot("03-revisionsspor");
        new Select(browser.find(By.id("haendelse"))).selectByVisibleText("Måling registreret");
        browser.find(By.id("haendelse")).submit();
        browser.awaitNavigation(url -> url.contains("haendelse="));
        assertThat(browser.findAll(By.cssSelector("#spor tbody tr"))).hasSize(5)
                .allSatisfy(row -> assertThat(row.getText()).contains("Måling registreret"));
        assertThat(browser.text(By.cssSelector("#spor caption")))
                .isEqualTo("5 udvalgte af " + entries + " hændelser, ældste først");
        browser.assertEveryFieldIsLabelled();

        browser.find(By.id("hent-pdf")).click();
        Path pdf = await().atMost(Duration.ofSeconds(20)).until(() -> browser.downloaded(".pdf"), file -> file != null);
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        assertThat(pdf.getFileName().toString()).isEqualTo("revisionsspor-ST-SIDER-1.pdf");
        Files.copy(pdf, Browser.SCREENSHOTS.resolve(pdf.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        browser.find(By.id("hent-csv")).click();
        Path csv = await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.downloaded("revisionsspor-", ".csv"), file -> file != null);
        List<String> rows = Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rows.get(0)).as("for a spreadsheet set up for Danish: semicolons")
                .isEqualTo("\uFEFFsequence;recordedAt;eventType;actorId;actorRole;reason;aggregateId;payload;hash");
        assertThat(rows.stream().skip(1).filter(row -> row.matches("^\\d+;.*"))).hasSize(entries);
        browser.logOut();

        // another organisation's leader: the order answers as if it did not exist, on every page of it
        browser.logIn("leader2");
        for (String page : List.of(dossier, dossier + "/revisionsspor", dossier + "/revisionsspor/eksport?format=pdf",
                base + "/sager/" + example.caseId, base + "/dokumenter/" + UUID.randomUUID(),
                base + "/dokumenter/not-a-document")) {
            browser.get(page);
            assertThat(browser.text(By.tagName("h1"))).as(page).isEqualTo("Siden findes ikke");
            assertThat(browser.source()).doesNotContain("ST-SIDER-1");
            // the error page's header names who is logged in, as every page's does
            assertThat(browser.text(By.cssSelector("header .who"))).as(page).startsWith("leader2 (");
        }
        browser.screenshot("04-anden-organisations-leder-afvist");
        browser.get(base + "/paabud");
        assertThat(browser.source()).doesNotContain("ST-SIDER-1");
        browser.logOut();
    }

    @Test
    void leadersSeeTheirOverviewAndOrdersWithDeadlinesHighlightedAndProfessionalsTheirCase(EndToEnd.Stack stack)
            throws Exception {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-SIDER-2");
        String soon = WorkedExample.expect(201, stack.commands.post("inspector", "/api/orders", Map.of(
                "authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap",
                "reference", "ST-SIDER-3", "legalBasis", "Lov om socialtilsyn § 8",
                "issuedOn", LocalDate.now(DANISH).toString(), "summary", "Kort frist", "noticeWaivedReason", "akut",
                "requirements", List.of(Map.of("title", "Medicinhåndtering", "qualityTheme", "SUNDHED_OG_TRIVSEL",
                        "requiredChange", "medicine is handled by staff trained for it",
                        "deadline", LocalDate.now(DANISH).plusDays(5).toString())))))
                .body().get("id").asText();
        awaitProjected(stack, example);
        String base = stack.queryService.baseUrl();

        browser.get(base + "/");
        browser.logIn("leader");
        assertThat(browser.url()).endsWith("/overblik");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overblik for kk-handicap");
        assertThat(browser.find(By.id("snart")).findElement(By.xpath("..")).getText())
                .contains("ST-SIDER-3", "Medicinhåndtering", "om 5 dage");
        assertThat(browser.source()).contains("Pia Pædagog");
        assertThat(browser.find(By.id("teams")).findElement(By.xpath("..")).getText())
                .as("each case's team names its order, a citizen may have cases in several")
                .contains("(påbud ST-SIDER-2)");
        assertThat(browser.find(By.xpath("//table[@id='kadence-tabel']//tr[td[text()='ST-SIDER-2']]")).getText())
                .contains("borger-0417");
        browser.screenshot("05-overblik");
        browser.assertPrintable("05b-overblik-udskrevet");

        browser.find(By.linkText("Påbud")).click();
        browser.awaitNavigation(url -> url.endsWith("/paabud"));
        WebElement row = browser.find(By.xpath("//table[@id='paabud']//tr[td/a[text()='ST-SIDER-3']]"));
        assertThat(row.getAttribute("class")).contains("due-soon");
        assertThat(row.getText()).contains("1 krav med frist snart");
        WebElement verified = browser.find(By.xpath("//table[@id='paabud']//tr[td/a[text()='ST-SIDER-2']]"));
        assertThat(verified.getAttribute("class")).doesNotContain("due-soon").doesNotContain("overdue");
        new Select(browser.find(By.id("status"))).selectByVisibleText("Givet");
        browser.find(By.id("status")).submit();
        browser.awaitNavigation(url -> url.contains("status=IMPOSED"));
        assertThat(browser.source()).contains("ST-SIDER-3").doesNotContain("ST-SIDER-2");
        browser.screenshot("06-paabud");
        browser.logOut();

        WorkedExample closedOne = WorkedExample.learned(stack.commands, "ST-SIDER-LUKKET");
        WorkedExample.expect(200, stack.commands.post("leader", "/api/cases/" + closedOne.caseId + "/closure",
                Map.of()));
        browser.logIn("paedagog");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Mine sager");
        By closedRow = By.xpath("//table[@id='afsluttede-sager']//tr[td/a[contains(@href, '" + closedOne.caseId
                + "')]]");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.get(base + "/sager");
            return !browser.findAll(closedRow).isEmpty();
        });
        assertThat(browser.find(closedRow).getText()).as("a closed case apart, with its order")
                .contains("ST-SIDER-LUKKET", "Borgersag lukket");
        assertThat(browser.text(By.id("mine-sager"))).doesNotContain("ST-SIDER-LUKKET");
        WebElement myCase = browser.find(By.xpath("//table[@id='mine-sager']//a[text()='borger-0417' and "
                + "contains(@href, '" + example.caseId + "')]"));
        assertThat(myCase.findElement(By.xpath("ancestor::tr/td[@data-label='Påbud']")).getText())
                .as("the order the case serves, telling apart cases of one citizen under two orders")
                .isEqualTo("ST-SIDER-2");
        browser.screenshot("07-mine-sager");
        myCase.click();
        browser.awaitNavigation(url -> url.endsWith("/sager/" + example.caseId));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Borgersag borger-0417");
        assertThat(browser.text(By.id("paabuddet"))).as("named, not linked: the order's pages are not hers")
                .isEqualTo("ST-SIDER-2");
        assertThat(browser.findAll(By.cssSelector("a#paabuddet"))).isEmpty();
        assertThat(browser.source()).contains("Pia Pædagog", "at læse optrapning tidligt",
                "Skærmet spiseplads og faste rutiner ved aftensmaden");
        browser.screenshot("08-sag");
        browser.get(base + "/paabud/" + soon);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ingen adgang");
        browser.logOut();
    }

    @Test
    void whatWasTypedIntoAFormSentAfterTheLoginEndedIsBackInTheFormAfterLoggingInAgain(EndToEnd.Stack stack)
            throws Exception {
        WorkedExample example = WorkedExample.learned(stack.commands, "ST-SIDER-KLADDE");
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("paedagog",
                "/api/cases/" + example.caseId).body().toString().contains(example.sessionId));
        String casePage = stack.queryService.baseUrl() + "/sager/" + example.caseId;
        String form = "indsigt-" + example.sessionId;
        String insight = "Borgeren falder til ro, når aftensmaden starter til samme tid hver dag";
        String change = "Aftensmaden kl. 17.30 hver dag, også i weekenden";
        browser.get(casePage);
        browser.logIn("paedagog");
        browser.get(casePage);
        browser.open(form + "-form");
        browser.type(form + "-insight", insight);
        browser.type(form + "-practiceChange", change);
        browser.driver.manage().deleteCookieNamed("JSESSIONID"); // as when the session expired while typing
        browser.find(By.id(form)).findElement(By.xpath(".//button[@type='submit']")).click();
        browser.awaitNavigation(url -> url.endsWith("/login?udloebet"));
        assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("står i formularen igen");

        browser.logIn("paedagog");
        browser.awaitNavigation(url -> url.equals(casePage)); // back, and "?gendan" gone from the address
        assertThat(browser.find(By.id(form + "-insight")).getAttribute("value")).isEqualTo(insight);
        assertThat(browser.find(By.id(form + "-practiceChange")).getAttribute("value")).isEqualTo(change);
        assertThat(browser.find(By.id(form + "-form")).getAttribute("open")).as("its form open").isNotNull();
        assertThat(browser.text(By.id("kladde-gendannet"))).contains("blev ikke registreret");
        assertThat(stack.queries.get("paedagog", "/api/cases/" + example.caseId).body().toString())
                .as("nothing was registered").doesNotContain(insight);
        browser.screenshot("09b-kladde-gendannet");

        browser.get(casePage); // shown again, nothing is put back: what was sent is kept only until the next page
        assertThat(browser.find(By.id(form + "-insight")).getAttribute("value")).isEmpty();
        assertThat(browser.findAll(By.id("kladde-gendannet"))).isEmpty();
        assertThat(browser.js("return window.sessionStorage.length")).isEqualTo(0L);
        browser.logOut();
    }

    @Test
    void anOrderToAnOrganisationNothingKnowsIsSentOnlyOnceTheInspectorConfirmsItIsNew(EndToEnd.Stack stack) {
        String organisation = "ny-org-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(stack.queryService.baseUrl() + "/paabud/nyt");
        browser.logIn("inspector");
        assertThat(browser.suggestions("kendte-organisationer").keySet()).contains("kk-handicap")
                .doesNotContain(organisation);
        browser.type("nyt-paabud-organisationId", organisation);
        browser.type("nyt-paabud-reference", "ST-SIDER-NY");
        browser.type("nyt-paabud-summary", "Påbud til en organisation, der ikke har haft et før");
        browser.type("nyt-paabud-requirements[0].title", "Magtanvendelse");
        browser.type("nyt-paabud-requirements[0].requiredChange", "Magtanvendelser registreres og følges op");
        new Select(browser.find(By.id("nyt-paabud-requirements[0].qualityTheme"))).selectByIndex(1);
        browser.js("arguments[0].value = arguments[1];", browser.find(By.id("nyt-paabud-requirements[0].deadline")),
                LocalDate.now(DANISH).plusMonths(3).toString());
        LocalDate issued = LocalDate.now(DANISH).minusDays(10);
        browser.js("arguments[0].value = arguments[1];", browser.find(By.id("nyt-paabud-issuedOn")),
                issued.toString());
        browser.find(By.id("giv-paabud")).click();
        browser.awaitNavigation(url -> url.endsWith("#nyt-paabud-afvist"));
        assertThat(browser.text(By.id("nyt-paabud-organisationId-fejl"))).contains("»" + organisation + "«");
        assertThat(browser.find(By.id("nyt-paabud-organisationId")).getAttribute("value")).isEqualTo(organisation);
        assertThat(stack.queries.get("inspector", "/api/orders?organisationId=" + organisation).body()
                .get("orders")).as("nothing was sent").isEmpty();

        browser.find(By.id("nyt-paabud-newOrganisation")).click();
        browser.find(By.id("giv-paabud")).click();
        browser.awaitNavigation(url -> url.matches(".*/paabud/[0-9a-f-]{36}$"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Påbud ST-SIDER-NY");
        assertThat(browser.text(By.id("registreret"))).contains("Varslet er givet");
        assertThat(browser.text(By.id("varslet-dato"))).as("the notice's own date, not when it was registered")
                .isEqualTo(DateTimeFormatter.ofPattern("d. MMM yyyy", Locale.forLanguageTag("da-DK")).format(issued));

        browser.get(stack.queryService.baseUrl() + "/paabud/nyt");
        assertThat(browser.suggestions("kendte-organisationer").keySet()).as("known from its order now")
                .contains(organisation);
        browser.logOut();
    }

    @Test
    void theInspectorsOrdersArePagedNewestFirstFiftyToAPage(EndToEnd.Stack stack) throws Exception {
        int before = stack.queries.get("inspector", "/api/orders").body().get("orders").size();
        String newest = null;
        for (int order = before; order <= 50; order++) {
            newest = WorkedExample.expect(201, stack.commands.post("inspector", "/api/orders", Map.of(
                    "authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap",
                    "reference", "ST-SIDE-" + order, "legalBasis", "Lov om socialtilsyn § 8",
                    "issuedOn", LocalDate.now(DANISH).toString(), "summary", "Til listens sider",
                    "noticeWaivedReason", "akut", "requirements", List.of(Map.of("title", "Medicinhåndtering",
                            "qualityTheme", "SUNDHED_OG_TRIVSEL", "requiredChange", "medicine handled by trained staff",
                            "deadline", LocalDate.now(DANISH).plusDays(60).toString())))))
                    .body().get("id").asText();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector", "/api/orders").body()
                .get("orders").size() > 50);
        int total = stack.queries.get("inspector", "/api/orders").body().get("orders").size();
        String base = stack.queryService.baseUrl();

        browser.get(base + "/");
        browser.logIn("inspector");
        assertThat(browser.url()).endsWith("/paabud");
        assertThat(browser.findAll(By.cssSelector("#paabud tbody tr"))).hasSize(50);
        assertThat(browser.find(By.cssSelector("#paabud caption")).getText()).startsWith("Påbud 1–50 af " + total);
        if (newest != null) {
            assertThat(browser.find(By.cssSelector("#paabud tbody tr a")).getAttribute("href"))
                    .as("the newest first").endsWith("/paabud/" + newest);
        }
        assertThat(browser.findAll(By.id("forrige-side"))).isEmpty();
        browser.find(By.id("naeste-side")).click();
        browser.awaitNavigation(url -> url.endsWith("side=2"));
        assertThat(browser.text(By.id("side"))).isEqualTo("Side 2 af " + ((total + 49) / 50));
        assertThat(browser.findAll(By.cssSelector("#paabud tbody tr"))).hasSize(Math.min(50, total - 50));
        browser.screenshot("06b-paabud-side-2");
        browser.find(By.id("forrige-side")).click();
        browser.awaitNavigation(url -> url.endsWith("side=1"));
        assertThat(browser.findAll(By.cssSelector("#paabud tbody tr"))).hasSize(50);

        browser.get(base + "/paabud?side=1000000000000");
        assertThat(browser.text(By.id("side"))).as("past the end: the last page")
                .isEqualTo("Side " + ((total + 49) / 50) + " af " + ((total + 49) / 50));
        browser.get(base + "/paabud?side=to");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ugyldig forespørgsel");
        assertThat(browser.source()).contains("\"to\" er ikke et helt tal");
        browser.logOut();
    }

    @Test
    void theInspectorFindsOrdersByAPartOfTheirReferenceAndByOrganisation(EndToEnd.Stack stack) throws Exception {
        Map<String, String> references = Map.of("ST-SØG-1", "kk-handicap", "ST-SØG-2", "kk-handicap",
                "st-søg-3", "region-h-psykiatri");
        for (Map.Entry<String, String> order : references.entrySet()) {
            WorkedExample.expect(201, stack.commands.post("inspector", "/api/orders", Map.of(
                    "authorityId", "socialtilsyn-hovedstaden", "organisationId", order.getValue(),
                    "reference", order.getKey(), "legalBasis", "Lov om socialtilsyn § 8",
                    "issuedOn", LocalDate.now(DANISH).toString(), "noticeWaivedReason", "akut",
                    "requirements", List.of(Map.of("title", "Medicinhåndtering", "qualityTheme",
                            "SUNDHED_OG_TRIVSEL", "requiredChange", "medicine handled by trained staff",
                            "deadline", LocalDate.now(DANISH).plusDays(60).toString())))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector", "/api/orders").body()
                .get("orders").findValuesAsText("reference").containsAll(references.keySet()));
        By listed = By.cssSelector("#paabud tbody td[data-label='Reference']");
        String base = stack.queryService.baseUrl();

        browser.get(base + "/");
        browser.logIn("inspector");
        browser.get(base + "/paabud");
        browser.type("soeg", "  St-Søg- ");
        browser.find(By.cssSelector("form.filters button")).click();
        browser.awaitNavigation(url -> url.contains("soeg="));
        assertThat(browser.findAll(listed)).extracting(WebElement::getText).as("case aside, in Danish letters too")
                .containsExactlyInAnyOrderElementsOf(references.keySet());
        assertThat(browser.text(By.cssSelector("#paabud caption"))).startsWith("3 påbud, der passer til det valgte");
        assertThat(browser.find(By.id("soeg")).getAttribute("value")).isEqualTo("St-Søg-");
        new Select(browser.find(By.id("organisation"))).selectByVisibleText("region-h-psykiatri");
        browser.find(By.cssSelector("form.filters button")).click();
        browser.awaitNavigation(url -> url.contains("organisation=region-h-psykiatri"));
        assertThat(browser.findAll(listed)).extracting(WebElement::getText).containsExactly("st-søg-3");
        browser.screenshot("06g-paabud-soegt");
        // the list as narrowed, for a spreadsheet set up for Danish: every order of it, not only the page's
        assertThat(browser.find(By.id("hent-liste")).findElement(By.xpath("..")).getText())
                .isEqualTo("Hent listen som CSV (1 påbud, alle sider; til et regneark)");
        browser.find(By.id("hent-liste")).click();
        Path file = await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.downloaded("paabud-", ".csv"), found -> found != null);
        String text = Files.readString(file);
        assertThat(text).startsWith("\uFEFF");
        List<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';'))
                .<Map<String, String>>readValues(text.substring(1)).readAll();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsExactly(
                Map.entry("Reference", "st-søg-3"), Map.entry("Organisation", "region-h-psykiatri"),
                Map.entry("Tilsyn", "socialtilsyn-hovedstaden"), Map.entry("Udstedt", LocalDate.now(DANISH).toString()),
                Map.entry("Status", "Givet"), Map.entry("Skærpet tilsyn", "nej"), Map.entry("Krav over fristen", "0"),
                Map.entry("Krav med frist snart", "0")));

        browser.type("soeg", "ST-SØG-9");
        browser.find(By.cssSelector("form.filters button")).click();
        browser.awaitNavigation(url -> url.contains("9"));
        assertThat(browser.findAll(By.id("paabud"))).isEmpty();
        assertThat(browser.text(By.id("ingen-passer"))).startsWith("Ingen påbud passer til det valgte.");
        browser.find(By.cssSelector("#ingen-passer a")).click();
        browser.awaitNavigation(url -> url.endsWith("/paabud"));
        assertThat(browser.findAll(By.cssSelector("#paabud tbody tr"))).hasSizeGreaterThanOrEqualTo(3);

        browser.get(base + "/paabud?soeg=" + "x".repeat(101));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ugyldig forespørgsel");
        assertThat(browser.source()).contains("Søg efter højst 100 tegn.");
        browser.get(base + "/paabud?soeg=ST%00");
        assertThat(browser.source()).contains("Søgningen må ikke indeholde styretegn.");
        browser.logOut();

        browser.logIn("leader");
        browser.get(base + "/paabud?soeg=st-s%C3%B8g");
        assertThat(browser.findAll(listed)).extracting(WebElement::getText).as("the leader's organisation's only")
                .containsExactlyInAnyOrder("ST-SØG-1", "ST-SØG-2");
        assertThat(browser.findAll(By.id("organisation"))).as("one organisation: nothing to choose").isEmpty();
        browser.logOut();
    }

    @Test
    void aFormsRowsStopAtTheMostItTakesAndARowPastThemIsRefusedNotLost(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-SIDER-RAEKKER");
        example.acknowledgeAndPlan();
        String dossier = stack.queryService.baseUrl() + "/paabud/" + example.orderId;
        String form = "maalinger-" + example.restraintRequirement;
        By rows = By.cssSelector("#" + form + " tbody tr");
        By more = By.cssSelector("#" + form + " button[name=flere]");
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("leader", "/api/orders/"
                + example.orderId + "/dossier").body().at("/requirements/1/qualityGoal").isObject());

        browser.get(stack.queryService.baseUrl() + "/");
        browser.logIn("leader");
        browser.get(dossier);
        browser.open(form);
        assertThat(browser.findAll(rows)).hasSize(3);
        assertThat(browser.text(By.cssSelector("#" + form + " form p"))).endsWith("højst 20 rækker ad gangen.");
        for (int shown = 3; shown < 20; shown++) {
            browser.find(more).click();
            int before = shown;
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.findAll(rows).size() == before + 1);
        }
        assertThat(browser.find(more).isEnabled()).as("no 21st row to type into").isFalse();

        // a row the form does not have, put into it by hand: refused with a page of its own, nothing recorded
        browser.js("const field = document.createElement('input'); field.type = 'hidden';"
                + " field.name = 'measurements[20].value'; field.value = '5'; arguments[0].appendChild(field);",
                browser.find(By.cssSelector("#" + form + " form")));
        browser.type(form + "-measurements[0].value", "4");
        browser.js("arguments[0].value = arguments[1];", browser.find(By.id(form + "-measurements[0].measuredOn")),
                LocalDate.now(DANISH).toString());
        browser.find(By.cssSelector("#" + form + " form button:not([name])")).click();
        browser.awaitNavigation(url -> url.endsWith("/maalinger"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ugyldig forespørgsel");
        assertThat(browser.source()).contains("den har højst 20 rækker");
        assertThat(stack.queries.get("leader", "/api/orders/" + example.orderId + "/dossier").body()
                .at("/requirements/1/measurements")).as("nothing recorded").isEmpty();

        // a row number far past the form's, asked to show one more: refused alike, not drawn as a billion rows
        browser.get(dossier);
        browser.open(form);
        browser.js("const field = document.createElement('input'); field.type = 'hidden';"
                + " field.name = 'measurements[999999999].value'; field.value = '5'; arguments[0].appendChild(field);",
                browser.find(By.cssSelector("#" + form + " form")));
        browser.find(more).click();
        browser.awaitNavigation(url -> url.endsWith("/maalinger"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ugyldig forespørgsel");
        browser.logOut();
    }

    @Test
    void aLongTrailIsReadAHundredEntriesToAPageKeepingItsFilter(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.learned(stack.commands, "ST-SIDER-LANG");
        for (int day = 0; day < 110; day++) {
            WorkedExample.expect(201, stack.commands.post("leader", example.requirement(example.restraintRequirement,
                    "/measurements"), Map.of("value", 6 - day % 5, "source", "magtanvendelsesregistrering",
                    "measuredOn", LocalDate.of(2026, 11, 30).minusDays(day).toString())));
        }
        String trailApi = "/api/orders/" + example.orderId + "/audit-trail";
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector", trailApi).body()
                .get("entries").size() > 110);
        int entries = stack.queries.get("inspector", trailApi).body().get("entries").size();

        browser.get(stack.queryService.baseUrl() + "/paabud/" + example.orderId);
        browser.logIn("inspector");
        WebElement measurements = browser.find(By.cssSelector("table.maalinger"));
        assertThat(measurements.findElement(By.tagName("caption")).getText())
                .as("the goal's 110 measurements: the latest in the table, all in the trail")
                .startsWith("De 24 seneste af 110 målinger af ");
        assertThat(measurements.findElements(By.cssSelector("tbody tr"))).hasSize(24);
        assertThat(measurements.findElement(By.cssSelector("tbody tr td")).getText()).as("the latest measured")
                .isEqualTo(DateTimeFormatter.ofPattern("d. MMM yyyy", Locale.forLanguageTag("da-DK"))
                        .format(LocalDate.of(2026, 11, 30).minusDays(23)));
        browser.find(By.linkText("revisionssporet, filtreret på målinger")).click();
        browser.awaitNavigation(url -> url.contains("haendelse=QualityMeasurementRecorded"));
        assertThat(browser.findAll(By.cssSelector("#spor tbody tr"))).hasSize(100);
        browser.get(stack.queryService.baseUrl() + "/paabud/" + example.orderId + "/revisionsspor");
        assertThat(browser.findAll(By.cssSelector("#spor tbody tr"))).hasSize(100);
        assertThat(browser.find(By.cssSelector("#spor caption")).getText())
                .isEqualTo("Hændelse 1–100 af " + entries + ", ældste først");
        browser.find(By.id("naeste-side")).click();
        browser.awaitNavigation(url -> url.endsWith("side=2"));
        assertThat(browser.findAll(By.cssSelector("#spor tbody tr"))).hasSize(entries - 100);
        assertThat(browser.find(By.cssSelector("#spor tbody tr td")).getText()).as("numbered on").isEqualTo("101");

        new Select(browser.find(By.id("haendelse"))).selectByVisibleText("Måling registreret");
        browser.find(By.id("haendelse")).submit();
        browser.awaitNavigation(url -> url.contains("haendelse=") && !url.contains("side="));
        assertThat(browser.find(By.cssSelector("#spor caption")).getText())
                .isEqualTo("Hændelse 1–100 af 110 udvalgte af " + entries + ", ældste først");
        browser.find(By.id("naeste-side")).click();
        browser.awaitNavigation(url -> url.contains("haendelse=") && url.endsWith("side=2"));
        assertThat(browser.findAll(By.cssSelector("#spor tbody tr"))).as("the filter kept on the next page")
                .hasSize(10).allSatisfy(row -> assertThat(row.getText()).contains("Måling registreret"));
        browser.screenshot("03b-revisionsspor-side-2");
        browser.logOut();
    }

    @Test
    void anEndedOrderStillPublishedWaitsInTheWorkQueueUntilItIsTakenDown(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-SIDER-OFFENTLIG");
        String publication = WorkedExample.expect(201, stack.commands.post("inspector",
                example.order("/publications"), Map.of("place", "TILBUDSPORTALEN",
                        "url", "https://tilbudsportalen.dk/paabud/sider"))).body().get("id").asText();
        WorkedExample.expect(200, stack.commands.post("inspector", example.order("/closure"),
                Map.of("outcome", "WITHDRAWN", "reason", "Trukket tilbage efter ny oplysning")));
        String queue = stack.queryService.baseUrl() + "/arbejdsliste";
        By row = By.xpath("//table[@id='stadig-offentliggjort-liste']//a[text()='ST-SIDER-OFFENTLIG']");

        browser.get(stack.queryService.baseUrl() + "/");
        browser.logIn("inspector");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.get(queue);
            return !browser.findAll(row).isEmpty();
        });
        browser.screenshot("06c-arbejdsliste-stadig-offentliggjort");

        WorkedExample.expect(200, stack.commands.post("inspector", example.order("/publications/" + publication
                + "/withdrawal"), Map.of("reason", "Påbuddet er afsluttet")));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.get(queue);
            return browser.findAll(row).isEmpty();
        });
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Arbejdsliste");
        browser.logOut();
    }

    @Test
    void aRequestForALaterDeadlineWaitsInTheWorkQueueUntilItIsAnswered(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-SIDER-FRIST");
        LocalDate proposed = LocalDate.now(DANISH).plusMonths(9);
        String request = WorkedExample.expect(201, stack.commands.post("leader",
                example.requirement(example.restraintRequirement, "/extension-requests"), Map.of(
                        "proposedDeadline", proposed.toString(),
                        "reason", "Kurset i low arousal er først til foråret"))).body().get("id").asText();
        String queue = stack.queryService.baseUrl() + "/arbejdsliste";
        By row = By.xpath("//table[@id='fristanmodninger-tabel']//tr[td/a[text()='ST-SIDER-FRIST']]");

        browser.get(stack.queryService.baseUrl() + "/");
        browser.logIn("inspector");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.get(queue);
            return !browser.findAll(row).isEmpty();
        });
        assertThat(browser.find(row).getText()).contains("Krav 2",
                DateTimeFormatter.ofPattern("d. MMM yyyy", Locale.forLanguageTag("da-DK"))
                        .format(proposed));
        browser.screenshot("06d-arbejdsliste-fristanmodning");

        WorkedExample.expect(200, stack.commands.post("inspector", example.requirement(example.restraintRequirement,
                "/extension-requests/" + request + "/refusal"), Map.of("reason", "Fristen står fast")));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.get(queue);
            return browser.findAll(row).isEmpty();
        });
        assertThat(browser.text(By.id("fristanmodninger"))).isEqualTo("Anmodninger om senere frist");
        browser.logOut();
    }

    @Test
    void aNoticeAndARequirementPastItsDeadlineWaitInTheWorkQueue(EndToEnd.Stack stack) throws Exception {
        LocalDate today = LocalDate.now(DANISH);
        Map<String, Object> toPsychiatry = new java.util.HashMap<>(NoticeAndDecisionsIT.notice("ST-SIDER-VARSEL",
                List.of(NoticeAndDecisionsIT.draft(UUID.randomUUID().toString(), "Pædagogisk metode",
                        "MAALGRUPPE_METODER_OG_RESULTATER", today.plusMonths(3)))));
        toPsychiatry.put("organisationId", "region-h-psykiatri");
        WorkedExample.expect(201, stack.commands.post("inspector", "/api/orders/notices", toPsychiatry));
        LocalDate deadline = today.minusDays(3);
        WorkedExample.expect(201, stack.commands.post("inspector", "/api/orders", Map.of(
                "authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap",
                "reference", "ST-SIDER-OVER", "legalBasis", "Lov om socialtilsyn § 8",
                "issuedOn", today.minusDays(30).toString(), "noticeWaivedReason", "Akut risiko for beboerne",
                "requirements", List.of(Map.of("title", "Journalføring", "qualityTheme", "KOMPETENCER",
                        "requiredChange", "every restraint is recorded the same day",
                        "deadline", deadline.toString())))));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d. MMM yyyy", Locale.forLanguageTag("da-DK"));
        String queue = stack.queryService.baseUrl() + "/arbejdsliste";
        By notice = By.xpath("//table[@id='varsler-tabel']//tr[td/a[text()='ST-SIDER-VARSEL']]");
        By overdue = By.xpath("//table[@id='krav-over-fristen']//tr[td/a[text()='ST-SIDER-OVER']]");

        browser.get(stack.queryService.baseUrl() + "/");
        browser.logIn("inspector");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.get(queue);
            return !browser.findAll(notice).isEmpty() && !browser.findAll(overdue).isEmpty();
        });
        assertThat(browser.find(notice).getText()).contains(day.format(today.plusDays(14)), "Ikke svaret");
        assertThat(browser.find(overdue).getText()).contains("Krav 1: Journalføring",
                day.format(deadline) + " (3 dage over fristen)");
        browser.screenshot("06f-arbejdsliste-varsel-og-over-fristen");
        new Select(browser.find(By.id("organisation"))).selectByVisibleText("kk-handicap");
        browser.find(By.cssSelector("form.filters button")).click();
        browser.awaitNavigation(url -> url.endsWith("/arbejdsliste?organisation=kk-handicap"));
        assertThat(browser.findAll(overdue)).hasSize(1);
        assertThat(browser.findAll(notice)).as("the psychiatry's notice is not kk-handicap's").isEmpty();
        assertThat(browser.findAll(By.cssSelector("main td[data-label='Organisation']"))).isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("kk-handicap"));
        assertThat(browser.text(By.id("kun-organisation"))).startsWith("Kun kk-handicap");
        browser.get(queue + "?organisation=" + "x".repeat(256));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ugyldig forespørgsel");
        assertThat(browser.source()).contains("En organisations id har højst 255 tegn.");
        browser.get(stack.queryService.baseUrl() + "/paabud");
        WebElement listed = browser.find(By.xpath("//table[@id='paabud']//tr[td/a[text()='ST-SIDER-OVER']]"));
        assertThat(listed.getAttribute("class")).contains("overdue");
        assertThat(listed.getText()).contains("1 krav over fristen");
        browser.logOut();
    }

    @Test
    void aRequirementSentBackThroughTheDecisionFormReadsAsToBeVerifiedAgainAndWaitsForTheLeader(EndToEnd.Stack stack)
            throws Exception {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-SIDER-AFVIST");
        WorkedExample.expect(200, stack.commands.post("leader", example.order("/compliance-report"),
                Map.of("summary", "Begge krav er fulgt op")));
        String restraint = example.restraintRequirement;
        String dossier = stack.queryService.baseUrl() + "/paabud/" + example.orderId;

        browser.get(stack.queryService.baseUrl() + "/");
        browser.logIn("inspector");
        browser.get(dossier + "#afgoerelse");
        browser.find(By.cssSelector("#afgoerelse input[name=decision][value=REJECT]")).click();
        browser.find(By.cssSelector("#afgoerelse input[name=requirementIds][value='" + restraint + "']")).click();
        browser.type("afgoerelse-reason-" + restraint, "Send målinger for tre måneder");
        browser.find(By.id("afgoer")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.source().contains("Afgørelsen er registreret."));
        assertThat(browser.text(By.id("verificer-igen-" + restraint)))
                .as("the verification the authority sent back is not shown as if there had never been one")
                .startsWith("Ikke verificeret igen, siden tilsynet sendte kravet tilbage.");
        assertThat(browser.text(By.tagName("main")))
                .contains("Sendt tilbage af tilsynet: Send målinger for tre måneder");
        browser.logOut();

        browser.logIn("leader");
        browser.get(stack.queryService.baseUrl() + "/overblik");
        By row = By.xpath("//table[@id='venter-paa-jer-tabel']//tr[td/a[text()='ST-SIDER-AFVIST']]");
        assertThat(browser.find(row).getText()).contains("Tilsynet har sendt kravet tilbage",
                "Send målinger for tre måneder");
        browser.screenshot("06e-overblik-sendt-tilbage");
        browser.logOut();
    }

    /**
     * An event stored while an older transaction is still open waits to be sealed into the order's chain (ADR 28):
     * the trail shows it at once, the verification still covers what is sealed and says one event waits, and once
     * that transaction ends the event is in the chain.
     */
    @Test
    void anEventWaitingToBeSealedIsShownAndSaidToWaitUntilItJoinsTheChain(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-SIDER-KAEDE");
        long sealed = example.sealedVerification(stack.queries).get("entries").asLong();
        String trail = stack.queryService.baseUrl() + "/paabud/" + example.orderId + "/revisionsspor";
        try (Connection older = stack.database.connect(); Statement statement = older.createStatement()) {
            older.setAutoCommit(false);
            statement.execute("SELECT pg_current_xact_id()"); // a transaction with an id, open: sealing stops at it
            WorkedExample.expect(200, stack.commands.post("leader", example.order("/acknowledgement"), "{}"));

            browser.get(trail);
            browser.logIn("inspector");
            assertThat(browser.findAll(By.cssSelector("#spor tbody tr"))).as("the new event in the trail at once")
                    .hasSize((int) sealed + 1);
            assertThat(browser.text(By.id("verifikation"))).contains("Revisionssporet er ubrudt",
                    sealed == 1 ? "Den ene hændelse i hashkæden" : "Alle " + sealed + " hændelser");
            assertThat(browser.text(By.id("venter-paa-kaeden")))
                    .startsWith("1 hændelse er gemt for et øjeblik siden og kædes ind om lidt");
            browser.screenshot("03c-revisionsspor-venter-paa-kaeden");

            // held back longer than sealing takes: the page no longer says "in a moment"
            stack.queryService.stop();
            stack.queryService.start("--tilsynsspor.chain.waiting-long=PT0S");
            try {
                browser.get(trail);
                browser.logIn("inspector");
                assertThat(browser.text(By.id("venter-paa-kaeden")))
                        .startsWith("1 hændelse venter på at blive kædet ind, den ældste siden")
                        .contains("Det tager længere end normalt. Intet er gået tabt",
                                "Sig det til systemets driftsansvarlige.");
                browser.screenshot("03d-revisionsspor-venter-laenge-paa-kaeden");
            } finally {
                stack.queryService.stop();
                stack.queryService.start();
            }
            older.commit();
        }
        browser.get(trail);
        browser.logIn("inspector");
        example.sealedVerification(stack.queries);
        browser.get(trail);
        assertThat(browser.text(By.id("verifikation"))).contains("Alle " + (sealed + 1) + " hændelser");
        assertThat(browser.findAll(By.id("venter-paa-kaeden"))).isEmpty();
        browser.logOut();
    }

    private static void awaitProjected(EndToEnd.Stack stack, WorkedExample example) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector",
                "/api/orders/" + example.orderId + "/dossier").status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queries.get("inspector",
                        "/api/orders/" + example.orderId + "/dossier").body().get("requirements").get(0)
                .get("status").asText().equals("VERIFIED"));
    }

    private static void assertFirstTabReachesTheSkipLink() {
        browser.find(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Spring til indhold");
    }
}
