package org.opendso.report;

import java.util.List;

/** The DSO report: twelve months, oldest first (the last is the current month so far), and the largest accounts. */
public record DsoTrend(String currency, List<DsoMonth> months, List<CustomerDso> customers) {

    /** The current month's figures. */
    public DsoMonth latest() {
        return months.getLast();
    }
}
