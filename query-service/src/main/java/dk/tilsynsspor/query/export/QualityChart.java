package dk.tilsynsspor.query.export;

import dk.tilsynsspor.core.order.query.Measurement;
import dk.tilsynsspor.core.order.query.QualityGoal;
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
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

/** A requirement's measurements over time, against its baseline and target. */
public final class QualityChart {

    private QualityChart() {
    }

    public static BufferedImage render(QualityGoal goal, int width, int height) {
        TimeSeries series = new TimeSeries(goal.indicator());
        for (Measurement measurement : goal.measurements()) {
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
        time.setDateFormatOverride(new SimpleDateFormat("yyyy-MM-dd"));
        if (!goal.measurements().isEmpty()) {
            LocalDate first = goal.measurements().get(0).measuredOn().minusDays(10);
            LocalDate last = goal.measurements().get(goal.measurements().size() - 1).measuredOn().plusDays(10);
            time.setRange(Date.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    Date.from(last.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        plot.addRangeMarker(marker("Udgangspunkt " + goal.baseline(), goal.baseline().doubleValue(),
                new Color(0xb03a2e)));
        plot.addRangeMarker(marker("Mål " + goal.target(), goal.target().doubleValue(), new Color(0x1e8449)));
        double low = Math.min(goal.baseline().doubleValue(), goal.target().doubleValue());
        double high = Math.max(goal.baseline().doubleValue(), goal.target().doubleValue());
        for (Measurement measurement : goal.measurements()) {
            low = Math.min(low, measurement.value().doubleValue());
            high = Math.max(high, measurement.value().doubleValue());
        }
        double margin = Math.max((high - low) * 0.15, 1);
        plot.getRangeAxis().setRange(low - margin, high + margin);
        return chart.createBufferedImage(width, height);
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
