package dk.tilsynsspor.command.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's measure of what a request costs its own thread (compiled only by {@code -Pbench}, active only in
 * Spring profile {@code bench}): the CPU time of the thread that served each command, from the outermost filter to
 * the answer, kept for the latest {@value #KEPT} commands and handed out (and forgotten) by
 * {@code GET /bench/request-cpu}. A request's latency on a 2-core machine also holds whatever else ran meanwhile (the
 * compiler, the collector, PostgreSQL); its thread's CPU is the work the request itself did, the steadier figure
 * for judging a change to it (docs/benchmarks/README.md, *Long streams*).
 */
@Profile("bench")
@RestController
class RequestCpu {

    static final int KEPT = 64;

    record Served(String method, String path, int status, double cpuMs, double wallMs) {
    }

    private final List<Served> served = new ArrayList<>();

    @GetMapping("/bench/request-cpu")
    synchronized List<Served> takeAll() {
        List<Served> all = List.copyOf(served);
        served.clear();
        return all;
    }

    private synchronized void keep(Served request) {
        if (served.size() == KEPT) {
            served.remove(0);
        }
        served.add(request);
    }

    /** Times every command (not the benchmark's own reads of this list, nor the readiness probes). */
    @Component
    @Profile("bench")
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Timing extends OncePerRequestFilter {

        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final RequestCpu requests;

        Timing(RequestCpu requests) {
            this.requests = requests;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            try {
                chain.doFilter(request, response);
            } finally {
                requests.keep(new Served(request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6));
            }
        }
    }
}
