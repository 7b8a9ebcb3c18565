package dk.tilsynsspor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request parameter (query parameter, form field, multipart part) that its handler takes as one value is refused
 * when it is sent more than once. Left to Spring, two values of a text are joined with a comma ({@code title=x} and
 * {@code title=y} become the title "x,y", which an event keeps forever), of a date or an id the first is taken, of a
 * file the first is kept and the second dropped, all without a word. A JSON body naming a field twice is refused for
 * the same reason. Parameters taken as arrays, collections or maps are not touched.
 */
public final class OneValueEach implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** By handler method: the names of the parameters it takes one value of. */
    private final Map<Method, List<String>> singleValued = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws RepeatedParameterException {
        if (handler instanceof HandlerMethod method) {
            for (String name : singleValued.computeIfAbsent(method.getMethod(), key -> names(method))) {
                if (sentMoreThanOnce(request, name)) {
                    throw new RepeatedParameterException(name);
                }
            }
        }
        return true;
    }

    private static boolean sentMoreThanOnce(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values != null && values.length > 1) {
            return true;
        }
        MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
        return multipart != null && multipart.getFiles(name).size() > 1;
    }

    private static List<String> names(HandlerMethod method) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            String name = singleValuedName(parameter);
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static String singleValuedName(MethodParameter parameter) {
        Class<?> type = parameter.getNestedParameterType();
        if (type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return null;
        }
        return requestName(parameter);
    }

    /**
     * The name of the request parameter or multipart part a handler's parameter is bound to, as its
     * {@code @RequestParam} or {@code @RequestPart} declares it or else as the parameter is named; {@code null} for a
     * parameter bound otherwise.
     */
    static String requestName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        String declared = param != null ? either(param.name(), param.value())
                : part != null ? either(part.name(), part.value()) : null;
        if (declared == null || StringUtils.hasText(declared)) {
            return declared;
        }
        MethodParameter named = parameter.clone();
        named.initParameterNameDiscovery(NAMES);
        return named.getParameterName();
    }

    /** An annotation's name, given as {@code name} or as its alias {@code value}. */
    private static String either(String name, String value) {
        return name.isEmpty() ? value : name;
    }
}
