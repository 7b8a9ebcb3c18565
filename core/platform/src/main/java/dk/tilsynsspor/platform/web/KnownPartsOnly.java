package dk.tilsynsspor.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A multipart request may carry only the parts its handler takes: a part of another name (a {@code description}
 * beside an upload's {@code title}) is refused, as a JSON body's unknown field is, instead of being dropped without
 * a word while the client believes it was kept. For an API whose clients are programs; a page's form carries parts
 * of its own (the CSRF token), so it is not registered there. Only uploads are checked (handlers taking a
 * {@code @RequestPart}), and not one that takes all parameters as a map.
 */
public final class KnownPartsOnly implements HandlerInterceptor {

    /** By handler method: the part names it takes, or empty when it is not checked. */
    private final Map<Method, Optional<Set<String>>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws UnknownPartException, IOException, ServletException {
        if (!(handler instanceof HandlerMethod method) || !multipart(request)) {
            return true;
        }
        Optional<Set<String>> names = known.computeIfAbsent(method.getMethod(), key -> names(method));
        if (names.isPresent()) {
            for (Part part : request.getParts()) {
                if (!names.get().contains(part.getName())) {
                    throw new UnknownPartException(part.getName());
                }
            }
        }
        return true;
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static Optional<Set<String>> names(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        boolean upload = false;
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestParam.class)
                    && Map.class.isAssignableFrom(parameter.getParameterType())) {
                return Optional.empty();
            }
            upload |= parameter.hasParameterAnnotation(RequestPart.class);
            String name = OneValueEach.requestName(parameter);
            if (name != null) {
                names.add(name);
            }
        }
        // not an upload: a multipart body there is refused by its reading (415)
        return upload ? Optional.of(Set.copyOf(names)) : Optional.empty();
    }
}
