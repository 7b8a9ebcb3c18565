package dk.tilsynsspor.query.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuSharesTest {

    @Test
    void windowsMeasuredInTurnsAddUpFigureByFigureTheCompilersSecondsToo() {
        Map<String, Object> first = Map.of("commandServiceCpuSeconds", 10.5, "postgresqlCpuSeconds", 4.0,
                "jitCompilerSeconds", Map.of("commandService", 2.0, "queryService", 0.25), "wallSeconds", 20.0);
        Map<String, Object> second = Map.of("commandServiceCpuSeconds", 9.5, "postgresqlCpuSeconds", 5.5,
                "jitCompilerSeconds", Map.of("commandService", 1.0, "queryService", 0.5), "wallSeconds", 20.01);

        Map<String, Object> sum = CpuShares.sum(CpuShares.sum(Map.of(), first), second);

        assertThat(sum).containsEntry("commandServiceCpuSeconds", 20.0).containsEntry("postgresqlCpuSeconds", 9.5)
                .containsEntry("wallSeconds", 40.01)
                .containsEntry("jitCompilerSeconds", Map.of("commandService", 3.0, "queryService", 0.75));
        assertThat(CpuShares.perUnit(sum, 1000)).containsEntry("commandService", 20_000L)
                .containsEntry("postgresql", 9_500L);
    }
}
