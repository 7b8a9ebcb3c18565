package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.platform.security.DemoUserProperties;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (Spring Security handles the POST); it says so when no form login is configured. */
@PageController
class LoginPage {

    private final DemoUserProperties demoUsers;

    LoginPage(DemoUserProperties demoUsers) {
        this.demoUsers = demoUsers;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("formLogin", demoUsers.enabled());
        return "login";
    }
}
