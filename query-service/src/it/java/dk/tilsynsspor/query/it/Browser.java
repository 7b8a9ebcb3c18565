package dk.tilsynsspor.query.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Debian's headless Chromium through its chromedriver, as the browser tests use it: logging in and out through the
 * login form, waiting for a page a click leads to, and a screenshot of every page (under
 * {@code target/browser-screenshots}) that is also checked by axe-core for WCAG 2.1 A and AA, in the system's light
 * and dark mode (no serious or critical violation passes), and at a phone's width. One browser serves a test class's
 * tests: {@code @RegisterExtension static final Browser browser = new Browser();} starts it before them and quits it
 * after them.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final int PHONE_WIDTH = 390;
    private static final int A4_WIDTH = 718;
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    WebDriver driver;
    private Path downloads;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("tilsynsspor-downloads");
        Path profile = Files.createTempDirectory("tilsynsspor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("browser.binary", "/usr/bin/chromium"));
        // The machine's network is closed: no background connections, no component or sync downloads.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // Chromium on Linux takes its language, and the format of its date fields, from the environment, not --lang
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("browser.driver", "/usr/bin/chromedriver")))
                .withEnvironment(Map.of("LANGUAGE", "da"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Opens the {@code <details>} with this id (a form folded away), unless it is open already. */
    void open(String details) {
        WebElement element = driver.findElement(By.id(details));
        if (element.getAttribute("open") == null) {
            element.findElement(By.tagName("summary")).click();
        }
    }

    /** Types {@code text} into the field with this id, in place of what it held. */
    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** What the datalist with this id suggests: each option's value and its label (empty if it has none). */
    Map<String, String> suggestions(String datalistId) {
        Map<String, String> suggestions = new LinkedHashMap<>();
        for (WebElement option : driver.findElements(By.cssSelector("#" + datalistId + " option"))) {
            suggestions.put(option.getAttribute("value"), option.getAttribute("label"));
        }
        return suggestions;
    }

    String source() {
        return driver.getPageSource();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs a script that calls its last argument when done, and waits for that. */
    private void jsUntilDone(String script) {
        ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];\n" + script);
    }

    void logIn(String user) {
        if (!driver.getCurrentUrl().endsWith("/login")) {
            driver.get(driver.getCurrentUrl().replaceAll("^(https?://[^/]+).*$", "$1") + "/login");
        }
        assertThat(text(By.tagName("h1"))).isEqualTo("Log ind");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(EndToEnd.PASSWORD, Keys.ENTER);
        awaitNavigation(url -> !url.contains("/login"));
    }

    void logOut() {
        driver.findElement(By.xpath("//button[text()='Log ud']")).click();
        awaitNavigation(url -> url.contains("/login?logget-ud"));
    }

    /** A click or a submitted form may navigate after it returns: wait for the page it leads to. */
    void awaitNavigation(Predicate<String> arrived) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(driver.getCurrentUrl()).as("the page after the click")
                        .matches(arrived));
    }

    /** Every visible field has a label: its own ({@code for}) or the one it sits in. */
    void assertEveryFieldIsLabelled() {
        for (WebElement field : driver.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
            String id = field.getAttribute("id");
            boolean wrapped = !field.findElements(By.xpath("ancestor::label")).isEmpty();
            if (wrapped) {
                continue;
            }
            assertThat(id).as("field %s has an id", field.getAttribute("name")).isNotBlank();
            assertThat(driver.findElements(By.cssSelector("label[for='" + id + "']")))
                    .as("label for %s", id).hasSize(1);
        }
    }

    Path downloaded(String suffix) throws IOException {
        return downloaded("", suffix);
    }

    /** The downloaded file whose name begins and ends so (null until it is there, whole). */
    Path downloaded(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    /**
     * The whole page, as tall as it is, at a laptop's width, after axe-core found no serious or critical violation
     * of WCAG 2.1 A/AA on it (with every closed form opened, so that the forms are checked too).
     */
    void screenshot(String name) throws IOException {
        assertAccessible(name);
        assertFitsAPhone(name);
        wholePage(name);
    }

    /** A screenshot of the whole page, as tall as it is, at the window's width ({@code name.png}). */
    private void wholePage(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, 12000)));
        try {
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /**
     * The page as it prints on A4 (190 mm between the margins: 718 CSS pixels), in the system's dark mode (which is
     * for screens only): the name Tilsynsspor shown, but nothing that works only on a screen (the menu beside the
     * name, forms, buttons, the section and page links, what is there only for them), a trail entry's content
     * shown (a click opens it on the screen); the text dark on a light ground; no table cut at a scrolling box.
     * What print's rules show at that width is kept as a screenshot ({@code name.png}), with the page printed as a
     * PDF ({@code name.pdf}).
     */
    @SuppressWarnings("unchecked")
    void assertPrintable(String name) throws IOException {
        cdp("Emulation.setEmulatedMedia", Map.of("media", "print",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        cdp("Emulation.setDeviceMetricsOverride",
                Map.of("width", A4_WIDTH, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
        try {
            List<String> shown = (List<String>) js("""
                    const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
                    return [...document.querySelectorAll(
                            'header nav ul + ul, .skaerm, form, button, details.formular, main nav, a[role=button]')]
                        .filter(shown)
                        .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ': '
                            + e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60));""");
            assertThat(shown).as("what works only on a screen, printed on %s", name).isEmpty();
            assertThat((Long) js("return [...document.querySelectorAll('details.payload dl')]"
                    + ".filter(content => content.getClientRects().length === 0).length;"))
                    .as("a trail entry's content not printed on %s (it opens on a click on the screen)", name)
                    .isZero();
            assertThat((Boolean) js(
                    "return document.querySelector('header nav .brand').getClientRects().length > 0;"))
                    .as("the name on the printed %s", name).isTrue();
            // a ground left transparent is the paper's white
            Map<String, Object> lightness = (Map<String, Object>) js("""
                    const lightness = colour => {
                        const [r, g, b, a] = colour.match(/[\\d.]+/g).map(Number);
                        return a === 0 ? 1 : (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
                    const text = getComputedStyle(document.body).color;
                    const grounds = [document.documentElement, document.body]
                        .map(e => lightness(getComputedStyle(e).backgroundColor));
                    return {text: lightness(text), ground: Math.min(...grounds)};""");
            assertThat(((Number) lightness.get("text")).doubleValue()).as("the printed text's lightness")
                    .isLessThan(0.3);
            assertThat(((Number) lightness.get("ground")).doubleValue()).as("the printed ground's lightness")
                    .isGreaterThan(0.9);
            assertThat((List<String>) js("""
                    return [...document.querySelectorAll('.overflow-auto')]
                        .filter(box => box.scrollWidth > box.clientWidth + 1)
                        .map(box => (box.querySelector('caption') || box).textContent.trim().slice(0, 40) + ': '
                            + box.scrollWidth + ' px in ' + box.clientWidth + ', columns '
                            + [...box.querySelectorAll('thead th')].map(th => th.textContent.trim() + ' '
                                + Math.round(th.getBoundingClientRect().width)).join(', '));"""))
                    .as("tables cut at their scrolling box on the printed %s", name).isEmpty();
            long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
            cdp("Emulation.setDeviceMetricsOverride", Map.of("width", A4_WIDTH, "height", Math.min(height, 12000),
                    "deviceScaleFactor", 1, "mobile", false));
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            cdp("Emulation.clearDeviceMetricsOverride", Map.of());
            cdp("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        }
        Map<String, Object> pdf = ((ChromeDriver) driver).executeCdpCommand("Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69));
        Files.write(SCREENSHOTS.resolve(name + ".pdf"), Base64.getDecoder().decode((String) pdf.get("data")));
    }

    /**
     * At a phone's width (390 CSS pixels, as a phone lays the page out) the page is no wider than the screen: the
     * menu wraps and a wide table scrolls within its box. What the phone shows there (the page as far as it is
     * scrolled) is kept beside the screenshot ({@code name-telefon.png}).
     */
    void assertFitsAPhone(String page) throws IOException {
        onAPhone(() -> {
            long pageWidth = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
            assertThat(pageWidth).as(() -> String.format("%s's width at a phone's %d px; sticking out: %s", page,
                    PHONE_WIDTH, stickingOut())).isLessThanOrEqualTo(PHONE_WIDTH); // what sticks out: only if so
            assertThat(cardsAmiss()).as("%s's tables shown as cards on a phone (class kort)", page).isEmpty();
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(page + "-telefon.png"), StandardCopyOption.REPLACE_EXISTING);
            return null;
        });
    }

    /** Whether the element lies within a phone's screen from side to side, as the page is laid out on a phone. */
    boolean withinAPhonesWidth(By element) throws IOException {
        WebElement found = find(element);
        return onAPhone(() -> (Boolean) js("""
                const box = arguments[0].getBoundingClientRect();
                return box.width > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth;""",
                found));
    }

    private interface OnAPhone<T> {
        T run() throws IOException;
    }

    /** Runs with the page laid out as a phone lays it out (390 CSS pixels wide, a phone's screen). */
    private <T> T onAPhone(OnAPhone<T> check) throws IOException {
        cdp("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            return check.run();
        } finally {
            cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * What is amiss with the tables shown as cards on a phone: a cell whose label (data-label) is not its column's
     * header, or one that lies beyond the screen's right edge (to be scrolled to, which the cards are there to spare).
     */
    @SuppressWarnings("unchecked")
    private List<String> cardsAmiss() {
        return (List<String>) js("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('table.kort')].flatMap(table => {
                    const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
                    return [...table.querySelectorAll('tbody tr')].flatMap(row => [...row.cells].flatMap((cell, i) => {
                        const where = (table.id || 'table') + ', row ' + (row.sectionRowIndex + 1) + ', cell ' + (i + 1);
                        const amiss = [];
                        if (cell.dataset.label !== headers[i]) {
                            amiss.push(where + ' is labelled ' + cell.dataset.label + ' under ' + headers[i]);
                        }
                        const right = cell.getBoundingClientRect().right;
                        if (right > width + 1) {
                            amiss.push(where + ' ends beyond the screen, at ' + Math.round(right) + ' px');
                        }
                        return amiss;
                    }));
                });""");
    }

    /** What makes the page wider than the screen: each element that sticks out where what holds it does not. */
    @SuppressWarnings("unchecked")
    private List<String> stickingOut() {
        return (List<String>) js("""
                const width = document.documentElement.clientWidth;
                const right = e => e.getBoundingClientRect().right + window.scrollX;
                const sticksOut = e => right(e) > width + 1;
                return [document.body, ...document.body.querySelectorAll('*')]
                    .filter(e => sticksOut(e) && (['absolute', 'fixed'].includes(getComputedStyle(e).position)
                            || !sticksOut(e.parentElement) && !e.parentElement.closest('.overflow-auto')))
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + ' (' + Math.round(right(e)) + ' px): '
                        + e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60));""");
    }

    void assertAccessible(String page) {
        @SuppressWarnings("unchecked")
        List<WebElement> closed = (List<WebElement>) js(
                "const s = document.createElement('style'); s.id = 'axe-still';"
                        + " s.textContent = '*, *::before, *::after { transition: none !important;"
                        + " animation: none !important; }'; document.head.appendChild(s);"
                        + " const c = [...document.querySelectorAll('details:not([open])')]; c.forEach(d => d.open = true);"
                        + " return c;");
        pause(Duration.ofMillis(300)); // the opened forms are laid out and painted before their colours are judged
        List<String> severe = new ArrayList<>(severe("", new AxeBuilder().withTags(WCAG_21_AA).analyze(driver)));
        colourScheme("dark"); // Pico, and the page's own colours, follow the system's dark mode: only they change
        try {
            List<String> dark = darkContrast();
            if (!dark.isEmpty()) {
                // Once in many runs every summary of one page failed in dark mode, and never again on that page
                // since: a finding made while the page was still turning dark. Judged once more after a pause; a
                // colour that really fails fails again.
                pause(Duration.ofMillis(500));
                dark = darkContrast();
            }
            severe.addAll(dark);
        } finally {
            colourScheme(null);
        }
        js("arguments[0].forEach(d => d.open = false); document.getElementById('axe-still').remove();", closed);
        // the page's colours turn back from the dark mode once transitions run again (Pico's fields fade): done
        // before anything looks at the page again (a screenshot caught them mid-fade, greyed as if disabled)
        jsUntilDone("""
                Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
                              new Promise(later => setTimeout(later, 2000))]).then(() => done(true));""");
        assertThat(severe).as("axe-core's serious and critical findings on %s", page).isEmpty();
    }

    /** axe-core's contrast findings once the page sees the dark mode and has had a moment to restyle in it. */
    private List<String> darkContrast() {
        jsUntilDone("""
                const dark = () => matchMedia('(prefers-color-scheme: dark)').matches;
                const wait = () => dark() ? setTimeout(() => done(true), 100) : setTimeout(wait, 20);
                wait();""");
        return severe("in dark mode: ", new AxeBuilder().withRules(List.of("color-contrast")).analyze(driver));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> severe(String mode, Results results) {
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> mode + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")))
                .toList();
    }

    /** The system's colour scheme as the page sees it ({@code prefers-color-scheme}); null: the browser's own. */
    private void colourScheme(String scheme) {
        cdp("Emulation.setEmulatedMedia", Map.of("features",
                scheme == null ? List.of() : List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** A command of Chromium's DevTools protocol (the emulations the checks above put the page under). */
    private void cdp(String command, Map<String, Object> parameters) {
        ((ChromeDriver) driver).executeCdpCommand(command, parameters);
    }
}
