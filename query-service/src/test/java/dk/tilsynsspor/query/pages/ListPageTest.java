package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.query.web.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPageTest {

    private static final List<Integer> HUNDRED_AND_ONE = IntStream.rangeClosed(1, 101).boxed().toList();

    private final PageFormats formats = new PageFormats(Clock.system(ZoneId.of("Europe/Copenhagen")));

    @Test
    void aLongListIsShownAPageAtATimeTheFirstWhenNoneIsAskedFor() {
        ListPage<Integer> first = ListPage.of(HUNDRED_AND_ONE, null, 50, formats, address());
        assertThat(first.items()).containsExactlyElementsOf(HUNDRED_AND_ONE.subList(0, 50));
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.total()).isEqualTo(101);
        assertThat(first.firstShown()).isEqualTo(1);
        assertThat(first.lastShown()).isEqualTo(50);
        assertThat(first.range()).isEqualTo("1–50");
        assertThat(first.previous()).isNull();
        assertThat(first.next()).as("the filters kept, encoded")
                .isEqualTo("/paabud/x/revisionsspor?rolle=LEADER&aktoer=S%C3%B8ren%20%C3%98&side=2");

        ListPage<Integer> last = ListPage.of(HUNDRED_AND_ONE, "3", 50, formats, address());
        assertThat(last.items()).containsExactly(101);
        assertThat(last.firstShown()).isEqualTo(101);
        assertThat(last.lastShown()).isEqualTo(101);
        assertThat(last.range()).as("one item").isEqualTo("101");
        assertThat(last.previous()).isEqualTo("/paabud/x/revisionsspor?rolle=LEADER&aktoer=S%C3%B8ren%20%C3%98&side=2");
        assertThat(last.next()).isNull();
    }

    @Test
    void askingPastTheEndShowsTheLastPageAndAnEmptyListIsOneEmptyPage() {
        assertThat(ListPage.of(HUNDRED_AND_ONE, "4000000000", 50, formats, address()).page()).isEqualTo(3);
        ListPage<Integer> empty = ListPage.of(List.of(), "2", 50, formats, address());
        assertThat(empty.items()).isEmpty();
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(empty.lastShown()).isEqualTo(0);
        assertThat(empty.previous()).isNull();
        assertThat(empty.next()).isNull();
    }

    @Test
    void aPageThatIsNoWholeNumberFromOneIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ListPage.of(HUNDRED_AND_ONE, "0", 50, formats, address()))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("side"));
    }

    /** A list's address with its filters, one of them a text with Danish letters and a space. */
    private static UriComponentsBuilder address() {
        return UriComponentsBuilder.fromPath("/paabud/x/revisionsspor").queryParam("rolle", "LEADER")
                .queryParam("aktoer", "Søren Ø");
    }
}
