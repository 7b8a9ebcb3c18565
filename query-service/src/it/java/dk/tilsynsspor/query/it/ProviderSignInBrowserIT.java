package dk.tilsynsspor.query.it;

import dk.tilsynsspor.testidp.IdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Production identity in the browser: the pages sign in through a real OpenID Connect provider started by the test
 * (Spring Authorization Server, {@link IdentityProvider}) with the authorization code flow and PKCE, on its own login
 * page; the claims make the actor (role and tenant, the name in the header); the forms' commands reach command-service
 * with the user's own access token, which command-service verifies as any bearer token; logging out ends the
 * session at the provider too; a provider user without a role is not signed in. The demo users are off, as in
 * production. Its own stack: both services configured for the provider.
 */
class ProviderSignInBrowserIT {

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private static TestDatabase database;
    private static ServiceProcess commandService;
    private static ServiceProcess queryService;
    private static IdentityProvider provider;

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create();
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "TILSYNSSPOR_DEMO_USERS_ENABLED", "false",
                // no demo users and an empty store: the organisations under the authority's supervision, configured
                "TILSYNSSPOR_KNOWN_ORGANISATIONS", "kk-handicap,aarhus-psykiatri"));
        commandService = new ServiceProcess("command-service-oidc", ServiceProcess.COMMAND_SERVICE_JAR, environment);
        queryService = new ServiceProcess("query-service-oidc", ServiceProcess.QUERY_SERVICE_JAR, environment);
        provider = IdentityProvider.start(queryService.baseUrl());
        environment.put("COMMAND_SERVICE_URL", commandService.baseUrl());
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", provider.issuer);
        environment.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDP_ISSUER_URI", provider.issuer);
        environment.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_CLIENT_ID", IdentityProvider.CLIENT_ID);
        environment.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_CLIENT_SECRET",
                IdentityProvider.CLIENT_SECRET);
        environment.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_CLIENT_NAME", "organisationens login");
        environment.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_SCOPE", "openid,profile");
        commandService.start();
        queryService.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {queryService, commandService}) {
            if (service != null) {
                service.stop();
            }
        }
        if (provider != null) {
            provider.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void thePagesSignInThroughTheProviderAndActWithTheUsersOwnToken() throws Exception {
        String base = queryService.baseUrl();
        String reference = "ST-OIDC-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(DANISH);

        browser.get(base + "/paabud");
        assertThat(browser.url()).endsWith("/login");
        assertThat(browser.findAll(By.id("username"))).as("no demo form in production").isEmpty();
        browser.screenshot("30-login-udbyder");
        signIn("tilsynsfoerende");
        assertThat(browser.url()).as("back to the page asked for").isEqualTo(base + "/paabud");
        assertThat(browser.text(By.cssSelector(".who"))).as("the name and role from the provider's claims")
                .contains("Tove Tilsynsførende", "Tilsynsførende", "socialtilsyn-hovedstaden");

        // a form's command goes to command-service with the inspector's own access token
        browser.find(By.id("nyt-paabud-link")).click();
        browser.awaitNavigation(url -> url.endsWith("/paabud/nyt"));
        assertThat(browser.suggestions("kendte-organisationer").keySet()).as("the configured organisations suggested")
                .containsExactly("aarhus-psykiatri", "kk-handicap");
        browser.find(By.id("nyt-paabud-organisationId")).sendKeys("kk-handicap");
        browser.find(By.id("nyt-paabud-reference")).sendKeys(reference);
        browser.find(By.id("nyt-paabud-requirements[0].title")).sendKeys("Pædagogisk metode");
        browser.find(By.id("nyt-paabud-requirements[0].requiredChange")).sendKeys("Beskriv metoden");
        new Select(browser.find(By.id("nyt-paabud-requirements[0].qualityTheme"))).selectByVisibleText(
                "Kompetencer");
        browser.js("arguments[0].value = arguments[1];", browser.find(By.id("nyt-paabud-requirements[0].deadline")),
                today.plusMonths(3).toString());
        // at once, without notice: the urgent case, which must say why
        browser.find(By.cssSelector("input[name=kind][value=UDEN_VARSEL]")).click();
        browser.find(By.id("nyt-paabud-noticeWaivedReason")).sendKeys("Akut risiko for beboernes sikkerhed");
        browser.find(By.id("giv-paabud")).click();
        browser.awaitNavigation(url -> url.matches(".*/paabud/[0-9a-f-]{36}$"));
        String dossier = browser.url();
        assertThat(browser.text(By.id("registreret"))).contains("Påbuddet er givet");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Påbud " + reference);
        browser.find(By.id("til-revisionsspor")).click();
        browser.awaitNavigation(url -> url.contains("/revisionsspor"));
        assertThat(browser.find(By.id("spor")).getText()).as("the event's actor is the signed-in user, named by the "
                + "provider, with the id the event keeps").contains("Tove Tilsynsførende (tilsynsfoerende)");

        // logging out ends the session at the provider too: signing in again asks for the password again
        browser.logOut();
        browser.find(By.cssSelector("a.provider-login")).click();
        browser.awaitNavigation(url -> url.startsWith(provider.issuer + "/login"));
        browser.screenshot("31-udbyderens-login");

        signInOnProviderPage("lederen");
        browser.get(dossier);
        browser.find(By.id("kvitter")).click();
        browser.awaitNavigation(url -> url.startsWith(dossier));
        assertThat(browser.text(By.id("registreret"))).contains("Påbuddet er kvitteret.");
        assertThat(browser.text(By.id("ordre-status"))).isEqualTo("Kvitteret");
        browser.screenshot("32-leder-via-udbyder");

        // a form sent after the login ended: through the provider again, back on the page with the text in the form
        String comment = "Vi har bedt om et møde om fristen for krav 1";
        WebElement commentForm = browser.find(By.cssSelector("details[id^='kommentar-']"));
        String form = commentForm.getAttribute("id");
        commentForm.findElement(By.tagName("summary")).click();
        browser.type(form + "-text", comment);
        browser.driver.manage().deleteCookieNamed("JSESSIONID"); // the pages' session only, not the provider's
        commentForm.findElement(By.cssSelector("button[type=submit]")).click();
        browser.awaitNavigation(url -> url.endsWith("/login?udloebet"));
        browser.find(By.cssSelector("a.provider-login")).click();
        browser.awaitNavigation(url -> url.equals(dossier) || url.startsWith(provider.issuer + "/login"));
        if (browser.url().startsWith(provider.issuer)) {
            signInOnProviderPage("lederen");
        }
        browser.awaitNavigation(url -> url.equals(dossier));
        assertThat(browser.find(By.id(form + "-text")).getAttribute("value")).isEqualTo(comment);
        assertThat(browser.findAll(By.id("kladde-gendannet"))).hasSize(1);
        browser.find(By.id(form)).findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(browser.findAll(By.id("registreret")))
                .as("sent again, and registered").anySatisfy(banner ->
                        assertThat(banner.getText()).contains("Kommentaren er tilføjet.")));
        assertThat(browser.find(By.cssSelector("ol.kommentarer")).getText()).contains(comment)
                .as("the leader named as the provider names her").contains("Lene Leder (Leder)");
        browser.logOut();

        // a provider user whose claims name no role in Tilsynsspor is not signed in
        browser.find(By.cssSelector("a.provider-login")).click();
        browser.awaitNavigation(url -> url.startsWith(provider.issuer + "/login"));
        signInOnProviderPage("udenrolle");
        browser.awaitNavigation(url -> url.contains("/login?error=provider"));
        assertThat(browser.source()).contains("har ingen rolle i Tilsynsspor");
        browser.get(base + "/paabud");
        assertThat(browser.url()).endsWith("/login");
    }

    /** From the pages' login page through the provider's own login page and back. */
    private static void signIn(String user) {
        browser.find(By.cssSelector("a.provider-login")).click();
        browser.awaitNavigation(url -> url.startsWith(provider.issuer + "/login"));
        signInOnProviderPage(user);
    }

    private static void signInOnProviderPage(String user) {
        browser.find(By.id("username")).sendKeys(user);
        browser.find(By.id("password")).sendKeys(IdentityProvider.PASSWORD);
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.awaitNavigation(url -> !url.startsWith(provider.issuer));
    }
}
