package org.opendso.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The cash receipts report as CSV: its periods, or its customers. */
public final class CashReceiptsCsv {

    private CashReceiptsCsv() {
    }

    public static String periods(CashReceiptsReport r) {
        return write(new String[] {"period_start", "currency", "on_time", "late", "total"}, csv -> {
            for (CashReceiptsReport.Period p : r.periods()) {
                csv.printRecord(p.start(), r.currency(), plain(p.onTime()), plain(p.late()), plain(p.total()));
            }
        });
    }

    public static String customers(CashReceiptsReport r) {
        return write(new String[] {"account", "name", "currency", "on_time", "late", "total", "average_days_late"},
                csv -> {
                    for (CashReceiptsReport.Customer c : r.customers()) {
                        csv.printRecord(c.account(), c.name(), r.currency(), plain(c.onTime()), plain(c.late()),
                                plain(c.total()), c.averageDaysLate() == null ? "" : c.averageDaysLate().toPlainString());
                    }
                });
    }

    interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            rows.print(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
