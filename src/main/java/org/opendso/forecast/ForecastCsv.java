package org.opendso.forecast;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The forecast as CSV, for the API and the page's download: one line per week, month, the rest and past week. */
public final class ForecastCsv {

    private ForecastCsv() {
    }

    public static String of(Forecast f) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("period", "start", "currency", "expected", "at_risk", "forecast", "received").get())) {
            for (Bucket w : f.weeks()) {
                csv.printRecord("week", w.start(), f.currency(), plain(w.expected()), plain(w.atRisk()), "", "");
            }
            for (Bucket m : f.months()) {
                csv.printRecord("month", m.start(), f.currency(), plain(m.expected()), plain(m.atRisk()), "", "");
            }
            csv.printRecord("later", f.months().getLast().start().plusMonths(1), f.currency(), plain(f.later()),
                    plain(f.laterAtRisk()), "", "");
            for (Accuracy a : f.accuracy()) {
                csv.printRecord("past_week", a.weekStart(), f.currency(), "", "",
                        a.forecast() == null ? "" : plain(a.forecast()), plain(a.received()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String plain(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
