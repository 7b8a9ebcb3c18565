package dk.tilsynsspor.query.order.export;

import dk.tilsynsspor.core.order.query.Measurement;
import dk.tilsynsspor.core.order.query.QualityGoal;
import dk.tilsynsspor.query.pages.PageFormats;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** A requirement's measurements over time, against its baseline and target. */
public final class QualityChart {

    private QualityChart() {
    }

    /** Values beyond this, and dates outside the years 1900 to 9999, cannot be drawn; the tables still show them. */
    static final double LARGEST_CHARTED = 1e15;

    public static BufferedImage render(QualityGoal goal, int width, int height) {
        List<Measurement> measurements = charted(goal);
        TimeSeries series = new TimeSeries(goal.indicator());
        for (Measurement measurement : measurements) {
            var day = measurement.measuredOn();
            series.addOrUpdate(new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear()), measurement.value());
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(goal.indicator(), "Målt", goal.unit(),
                new TimeSeriesCollection(series), false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x1f4e79));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setRenderer(renderer);
        DateAxis time = (DateAxis) plot.getDomainAxis();
        time.setDateFormatOverride(PageFormats.chartDates());
        if (!measurements.isEmpty()) {
            LocalDate first = measurements.get(0).measuredOn().minusDays(10);
            LocalDate last = measurements.get(measurements.size() - 1).measuredOn().plusDays(10);
            time.setRange(Date.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    Date.from(last.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        List<BigDecimal> shown = new ArrayList<>();
        if (chartable(goal.baseline())) {
            plot.addRangeMarker(marker("Udgangspunkt " + goal.baseline(), goal.baseline().doubleValue(),
                    new Color(0xb03a2e)));
            shown.add(goal.baseline());
        }
        if (chartable(goal.target())) {
            plot.addRangeMarker(marker("Mål " + goal.target(), goal.target().doubleValue(), new Color(0x1e8449)));
            shown.add(goal.target());
        }
        measurements.forEach(measurement -> shown.add(measurement.value()));
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (BigDecimal value : shown) {
            low = Math.min(low, value.doubleValue());
            high = Math.max(high, value.doubleValue());
        }
        if (shown.isEmpty()) {
            low = 0;
            high = 1;
        }
        double margin = Math.max((high - low) * 0.15, 1);
        plot.getRangeAxis().setRange(low - margin, high + margin);
        return chart.createBufferedImage(width, height);
    }

    /** The measurements the chart draws: those whose value and date it can show. */
    static List<Measurement> charted(QualityGoal goal) {
        return goal.measurements().stream().filter(QualityChart::chartable).toList();
    }

    private static boolean chartable(Measurement measurement) {
        LocalDate day = measurement.measuredOn();
        return chartable(measurement.value()) && day != null && day.getYear() >= 1900 && day.getYear() <= 9999;
    }

    private static boolean chartable(BigDecimal value) {
        return value != null && Math.abs(value.doubleValue()) <= LARGEST_CHARTED;
    }

    private static ValueMarker marker(String label, double value, Color color) {
        ValueMarker marker = new ValueMarker(value, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[]{6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelPaint(color);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }
}
