package dk.tilsynsspor.platform.web;

import dk.tilsynsspor.platform.text.HeaderText;
import dk.tilsynsspor.platform.text.TextRules;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall, judging a header value by the text its client wrote rather than by its bytes taken
 * one by one: the UTF-8 of "Ærø" holds the byte 0x86, which read as ISO-8859-1 is a control character, and the
 * stock firewall refuses the request with a bare 400. A value whose text breaks {@link TextRules} is still refused.
 */
public final class HeaderFirewall {

    private HeaderFirewall() {
    }

    public static StrictHttpFirewall create() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(value -> TextRules.problem(HeaderText.decode(value)).isEmpty());
        return firewall;
    }
}
