package org.opendso.report.ui;

import org.opendso.realtime.EventStreams;
import org.opendso.report.ReportCurrencies;
import org.opendso.scenario.Scenarios;
import org.opendso.user.Users;
import org.springframework.stereotype.Component;

/** What every report page needs besides its report: the filter bar's lists and the live event stream. */
@Component
class ReportPageServices {

    final Users users;
    final Scenarios scenarios;
    final ReportCurrencies currencies;
    final EventStreams streams;

    ReportPageServices(Users users, Scenarios scenarios, ReportCurrencies currencies, EventStreams streams) {
        this.users = users;
        this.scenarios = scenarios;
        this.currencies = currencies;
        this.streams = streams;
    }
}
