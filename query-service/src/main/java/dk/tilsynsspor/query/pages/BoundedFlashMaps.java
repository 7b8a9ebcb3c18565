package dk.tilsynsspor.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages' flash maps (a refused form's typed values and explanation, carried over the redirect back to its page),
 * at most {@value #AT_MOST} to a session, each kept {@value #SECONDS} s at most. Spring's own keeps each one 180 s
 * with no limit on how many: a script sending refused forms of almost 1 MB without following the redirects held
 * about 1 MB of query-service's heap per form for three minutes (60 forms: 54 MB after a collection), enough to
 * exhaust it. A redirect is followed at once; five cover a user's tabs sending forms at the same moment.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class BoundedFlashMaps extends SessionFlashMapManager {

    static final int AT_MOST = 5;
    static final int SECONDS = 60;

    BoundedFlashMaps() {
        setFlashMapTimeout(SECONDS);
    }

    /** Keeps the newest {@value #AT_MOST} (the one just made is the last). */
    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
                                   HttpServletResponse response) {
        super.updateFlashMaps(flashMaps.size() <= AT_MOST ? flashMaps
                : new ArrayList<>(flashMaps.subList(flashMaps.size() - AT_MOST, flashMaps.size())), request, response);
    }
}
