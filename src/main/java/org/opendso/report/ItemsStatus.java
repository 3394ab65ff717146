package org.opendso.report;

import java.util.List;

/**
 * The items status report: open items by status category and by status (no status: category and code null), the
 * qualification rate now and its weekly trend.
 */
public record ItemsStatus(String currency, List<StatusLine> categories, List<StatusLine> statuses,
                          Qualification qualification, List<WeekPoint> trend) {
}
