package dk.tilsynsspor.query.pages;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * One page of a list that a page shows a fixed number of items at a time (the orders, an order's trail): its items,
 * where it is in the list, and the addresses of the pages before and after it, which keep the list's own filters. A
 * page shows what it holds, so its cost does not grow with the list however long the list grows over the years.
 *
 * @param items      the items on this page
 * @param page       this page's number, from 1
 * @param pages      how many pages the list has (1 for an empty list)
 * @param total      how many items the list has
 * @param firstShown the number of this page's first item in the list, from 1
 * @param previous   the address of the page before, or null on the first
 * @param next       the address of the page after, or null on the last
 */
public record ListPage<T>(List<T> items, int page, int pages, int total, int firstShown, String previous,
                          String next) {

    /** The address parameter that names the page. */
    public static final String PARAMETER = "side";

    /**
     * The page that {@code side} asks for of {@code all}, {@code perPage} to a page: the first when it is absent, the
     * last when it asks past the end; one that is no whole number from 1 is refused naming it ({@link
     * PageFormats#parseCount}). {@code address} is the list's own address with its filters; each page's adds its
     * number to it.
     */
    public static <T> ListPage<T> of(List<T> all, String side, int perPage, PageFormats formats,
                                     UriComponentsBuilder address) {
        int pages = Math.max(1, (all.size() + perPage - 1) / perPage);
        int page = formats.parseCount(PARAMETER, side, 1, 1, pages);
        int from = (page - 1) * perPage;
        return new ListPage<>(all.subList(from, Math.min(all.size(), from + perPage)), page, pages, all.size(),
                from + 1, page > 1 ? address(address, page - 1) : null,
                page < pages ? address(address, page + 1) : null);
    }

    /** The number of this page's last item in the list (one less than the first on an empty page). */
    public int lastShown() {
        return firstShown + items.size() - 1;
    }

    /** Where this page's items are in the list, as its caption writes it: "51–100", or "101" for one item. */
    public String range() {
        return lastShown() <= firstShown ? String.valueOf(firstShown) : firstShown + "–" + lastShown();
    }

    private static String address(UriComponentsBuilder list, int page) {
        return list.cloneBuilder().replaceQueryParam(PARAMETER, page).encode().build().toUriString();
    }
}
