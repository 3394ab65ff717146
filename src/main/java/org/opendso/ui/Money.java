package org.opendso.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Locale;

/** Amounts and dates as the reader's language writes them: "€1,234.50" in English, "1 234,50 €" in French. */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            if (currency != null && !currency.isBlank()) {
                Currency c = Currency.getInstance(currency.strip());
                format.setCurrency(c);
                format.setMinimumFractionDigits(c.getDefaultFractionDigits());
                format.setMaximumFractionDigits(c.getDefaultFractionDigits());
            }
        } catch (IllegalArgumentException unknownCurrency) {
            NumberFormat plain = NumberFormat.getNumberInstance(locale);
            plain.setMinimumFractionDigits(2);
            plain.setMaximumFractionDigits(2);
            return plain.format(amount) + " " + currency;
        }
        return format.format(amount);
    }

    public static String number(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat plain = NumberFormat.getNumberInstance(locale);
        plain.setMinimumFractionDigits(2);
        plain.setMaximumFractionDigits(2);
        return plain.format(amount);
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static String dateTime(TemporalAccessor time, Locale locale) {
        return time == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(java.time.ZoneId.systemDefault()).format(time);
    }
}
