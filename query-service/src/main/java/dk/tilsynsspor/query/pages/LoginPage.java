package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.platform.security.DemoUserProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * The login page: a button per identity provider the pages sign in through, and the demo users' form where they are
 * enabled (Spring Security handles both); it says so when neither is configured.
 */
@PageController
class LoginPage {

    /** A provider to sign in through: its name as configured, and where its sign-in starts. */
    record Provider(String name, String start) {
    }

    private final DemoUserProperties demoUsers;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    LoginPage(DemoUserProperties demoUsers, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.demoUsers = demoUsers;
        this.registrations = registrations;
    }

    @GetMapping("/login")
    String login(Model model) {
        List<Provider> providers = new ArrayList<>();
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                providers.add(new Provider(registration.getClientName(),
                        "/oauth2/authorization/" + registration.getRegistrationId()));
            }
        }
        model.addAttribute("formLogin", demoUsers.enabled());
        model.addAttribute("providers", providers);
        return "login";
    }
}
