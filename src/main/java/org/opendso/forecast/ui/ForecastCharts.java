package org.opendso.forecast.ui;

import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import org.opendso.forecast.Accuracy;
import org.opendso.forecast.Bucket;
import org.opendso.forecast.Forecast;
import org.opendso.ui.Chart;
import tools.jackson.databind.node.ObjectNode;

/** The forecast's chart options, labelled in the reader's language: expected and at risk per week or month. */
final class ForecastCharts {

    private ForecastCharts() {
    }

    static String weekLabel(Component c, Bucket w) {
        return c.getTranslation("forecast.week.label", w.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                DateTimeFormatter.ofPattern("d MMM", locale(c)).format(w.start()));
    }

    static String monthLabel(Component c, Bucket m) {
        return DateTimeFormatter.ofPattern("MMM yyyy", locale(c)).format(m.start());
    }

    static ObjectNode buckets(Component c, List<Bucket> buckets, boolean weeks) {
        return Chart.categories(
                buckets.stream().map(b -> weeks ? weekLabel(c, b) : monthLabel(c, b)).toList(),
                List.of(Chart.Series.stacked(c.getTranslation("forecast.series.expected"), "money",
                                buckets.stream().map(Bucket::expected).map(ForecastCharts::round).toList()),
                        Chart.Series.stacked(c.getTranslation("forecast.series.at-risk"), "money",
                                buckets.stream().map(Bucket::atRisk).map(ForecastCharts::round).toList())));
    }

    static ObjectNode accuracy(Component c, Forecast f) {
        List<Accuracy> weeks = f.accuracy();
        return Chart.categories(
                weeks.stream().map(a -> weekLabel(c, new Bucket(a.weekStart(), BigDecimal.ZERO, BigDecimal.ZERO)))
                        .toList(),
                List.of(Chart.Series.bars(c.getTranslation("forecast.series.forecast"),
                                weeks.stream().map(a -> a.forecast() == null ? null : round(a.forecast())).toList()),
                        Chart.Series.bars(c.getTranslation("forecast.series.received"),
                                weeks.stream().map(Accuracy::received).map(ForecastCharts::round).toList())));
    }

    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static Locale locale(Component c) {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Locale.ENGLISH : ui.getLocale();
    }
}
