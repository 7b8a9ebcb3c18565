package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.DimensionScore;
import dk.tilsynsspor.core.casework.query.ProgressAssessment;
import dk.tilsynsspor.query.pages.PageFormats;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The citizen's progress: one line per assessed dimension, its score (1–10) at each assessment. */
final class ProgressChart {

    private ProgressChart() {
    }

    static BufferedImage render(List<ProgressAssessment> assessments, int width, int height) {
        Map<String, TimeSeries> lines = new LinkedHashMap<>();
        for (ProgressAssessment assessment : assessments) {
            LocalDate day = assessment.assessedOn();
            if (day == null || day.getYear() < 1900 || day.getYear() > 9999) {
                continue;
            }
            for (DimensionScore score : assessment.scores()) {
                lines.computeIfAbsent(score.dimension(), TimeSeries::new).addOrUpdate(
                        new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear()), score.score());
            }
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        lines.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Borgerens udvikling", "Vurderet", "Score (1–10)",
                data, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        plot.getRangeAxis().setRange(0.5, 10.5);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(PageFormats.chartDates());
        return chart.createBufferedImage(width, height);
    }
}
