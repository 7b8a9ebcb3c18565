package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.core.casework.CaseEvent;
import dk.tilsynsspor.core.order.OrderEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event of an order's trail has its Danish name on the pages (the trail, Mine sager, the filters). */
class EventLabelsTest {

    @Test
    void everyEventOfAnOrdersTrailHasADanishLabel() throws Exception {
        Properties labels = new Properties();
        try (InputStream in = EventLabelsTest.class.getResourceAsStream("/messages.properties")) {
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && !definition.getMetadata().isInterface();
            }
        };
        scan.addIncludeFilter(new AssignableTypeFilter(OrderEvent.class));
        scan.addIncludeFilter(new AssignableTypeFilter(CaseEvent.class));
        List<String> events = new ArrayList<>();
        scan.findCandidateComponents("dk.tilsynsspor.core").forEach(definition -> events.add(
                definition.getBeanClassName().substring(definition.getBeanClassName().lastIndexOf('.') + 1)));
        assertThat(events).hasSizeGreaterThan(30).contains("NoticeOfOrderGiven", "CitizenProgressAssessed");
        assertThat(events).allSatisfy(event -> assertThat(labels).containsKey("Event." + event));
    }
}
