package org.opendso.report.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opendso.report.AgingBalance;
import org.opendso.report.AgingFigures;
import org.opendso.report.CustomerAging;
import org.opendso.report.CustomerDso;
import org.opendso.report.DashboardFigures;
import org.opendso.report.DisputeLine;
import org.opendso.report.Disputes;
import org.opendso.report.DsoMonth;
import org.opendso.report.DsoTrend;
import org.opendso.report.ItemsStatus;
import org.opendso.report.StatusLine;

/**
 * The CSV exports of the reports (the API's {@code .csv} variants and the pages' download buttons): a header row,
 * one line per row of the report's table, amounts with a dot and two decimals, dates ISO, columns named in English
 * (a file for other programs, like the API).
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String aging(AgingBalance a) {
        List<List<Object>> rows = new ArrayList<>();
        for (CustomerAging c : a.customers()) {
            rows.add(aging(c.account(), c.name(), a.currency(), c.figures()));
        }
        rows.add(aging("TOTAL", "", a.currency(), a.total()));
        return csv(List.of("account", "name", "currency", "notDue", "d1_30", "d31_60", "d61_90", "over90", "credits",
                "balance", "overduePercent"), rows);
    }

    private static List<Object> aging(String account, String name, String currency, AgingFigures f) {
        return List.of(account, name, currency, f.notDue(), f.d1_30(), f.d31_60(), f.d61_90(), f.over90(), f.credits(),
                f.balance(), f.overduePercent());
    }

    public static String itemsStatus(ItemsStatus s) {
        List<List<Object>> rows = new ArrayList<>();
        for (StatusLine l : s.statuses()) {
            rows.add(List.of(nz(l.category()), nz(l.code()), nz(l.labelEn()), s.currency(), l.outstanding(),
                    l.overdue(), l.items(), l.overdueItems()));
        }
        return csv(List.of("category", "status", "label", "currency", "outstanding", "overdue", "items",
                "overdueItems"), rows);
    }

    public static String dso(DsoTrend t) {
        List<List<Object>> rows = new ArrayList<>();
        for (DsoMonth m : t.months()) {
            rows.add(List.of(m.month().toString().substring(0, 7), t.currency(), m.days(), m.receivables(), m.current(),
                    m.sales(), nz(m.countback()), nz(m.simple()), nz(m.bestPossible()), nz(m.averageDaysDelinquent()),
                    nz(m.cei())));
        }
        return csv(List.of("month", "currency", "days", "receivables", "current", "sales", "dsoCountback", "dsoSimple",
                "bestPossibleDso", "averageDaysDelinquent", "cei"), rows);
    }

    public static String dsoCustomers(DsoTrend t) {
        List<List<Object>> rows = new ArrayList<>();
        for (CustomerDso c : t.customers()) {
            rows.add(List.of(c.account(), c.name(), t.currency(), c.receivables(), c.monthSales(), nz(c.countback()),
                    nz(c.simple())));
        }
        return csv(List.of("account", "name", "currency", "receivables", "monthSales", "dsoCountback", "dsoSimple"),
                rows);
    }

    public static String disputes(Disputes d) {
        List<List<Object>> rows = new ArrayList<>();
        for (DisputeLine l : d.lines()) {
            rows.add(List.of(l.account(), l.name(), l.code(), l.labelEn(), d.currency(), l.amount(), l.items(),
                    l.since() == null ? "" : l.since().toString(), l.ageDays(), nz(l.resolvers())));
        }
        return csv(List.of("account", "name", "status", "label", "currency", "amount", "items", "since", "ageDays",
                "resolvers"), rows);
    }

    public static String dashboard(DashboardFigures f) {
        return csv(List.of("currency", "balance", "overdue", "overduePercent", "dso", "qualificationRate", "openAlerts"),
                List.of(List.of(f.currency(), f.balance(), f.overdue(), f.overduePercent(), nz(f.dso()),
                        f.qualificationRate(), f.openAlerts())));
    }

    private static Object nz(Object value) {
        return value == null ? "" : value;
    }

    /** Amounts with a dot: BigDecimal's plain form at two decimals (days and rates keep their one). */
    static String csv(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(v -> v instanceof BigDecimal b ? plain(b) : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String plain(BigDecimal value) {
        return (value.scale() > 2 ? value.setScale(2, java.math.RoundingMode.HALF_UP) : value).toPlainString();
    }
}
