package org.opendso.forecast.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.opendso.forecast.Bucket;
import org.opendso.forecast.Forecast;
import org.opendso.forecast.ForecastFeed;
import org.opendso.report.ReportCurrencies;
import org.opendso.report.ReportFilter;
import org.opendso.security.Staff;
import org.opendso.ui.Chart;
import org.opendso.ui.DashboardCard;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/** The forecast's card on the finance dashboard: the next 13 weeks of the whole book the user sees, live. */
@org.springframework.stereotype.Component
class ForecastCard implements DashboardCard {

    private final ForecastFeed feed;
    private final ReportCurrencies currencies;

    ForecastCard(ForecastFeed feed, ReportCurrencies currencies) {
        this.feed = feed;
        this.currencies = currencies;
    }

    /** In the company's main currency, like the forecast page opens: both then share one live read. */
    @Override
    public Component create(Staff staff) {
        String main = currencies.of(staff.tenantId()).blockFirst(); // allowed-blocking: Vaadin request thread
        return new Card(feed, staff, ReportFilter.ALL.withCurrency(main));
    }

    @Override
    public int order() {
        return 10;
    }

    /** One card: follows the forecast between attach and detach. */
    static final class Card extends Div {

        private static final Logger log = LoggerFactory.getLogger(Card.class);

        private final ForecastFeed feed;
        private final Staff staff;
        private final ReportFilter filter;
        final Div figures = new Div();
        final Chart chart = new Chart();
        private Forecast shown;
        private Disposable live;

        Card(ForecastFeed feed, Staff staff, ReportFilter filter) {
            this.feed = feed;
            this.staff = staff;
            this.filter = filter;
            addClassNames("dashboard-card", "forecast-card");
            figures.addClassName("figures");
            chart.setHeight("220px");
            add(new H3(getTranslation("forecast.card.title")), figures, chart,
                    new Anchor("forecast", getTranslation("forecast.card.open")));
        }

        void show(Forecast f) {
            shown = f;
            figures.removeAll();
            figures.add(new Figure(getTranslation("forecast.figure.weeks"),
                            Money.format(f.weeks().stream().map(Bucket::expected).reduce(java.math.BigDecimal.ZERO,
                                    java.math.BigDecimal::add), f.currency(), getLocale())),
                    new Figure(getTranslation("forecast.figure.at-risk"),
                            Money.format(f.atRiskTotal(), f.currency(), getLocale())).tone("warning"));
            chart.setOption(ForecastCharts.buckets(this, f.weeks(), true));
        }

        Forecast shown() {
            return shown;
        }

        @Override
        protected void onAttach(AttachEvent event) {
            super.onAttach(event);
            if (live == null) {
                UI ui = event.getUI();
                live = feed.follow(staff, filter).subscribe(f -> {
                    try {
                        ui.access(() -> show(f));
                    } catch (UIDetachedException gone) {
                        // closed; disposed on detach
                    }
                }, e -> log.warn("The live forecast card stopped", e));
            }
        }

        @Override
        protected void onDetach(DetachEvent event) {
            if (live != null) {
                live.dispose();
                live = null;
            }
            super.onDetach(event);
        }
    }
}
