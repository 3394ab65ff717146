package org.opendso.importer;

import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * Customer lines → {@code import_stage(line, account, name, address, postal_code, city, country, currency,
 * email, phone, collector, sales_manager, scenario, credit_limit, bad)}. A credit limit reads like the other
 * amounts (decimal comma, grouping) and cannot be negative; a blank cell removes it. Collector and sales manager logins, and scenario names,
 * are checked against the tenant's users and scenarios in SQL, set-based.
 */
final class CustomerLines implements LineFormat {

    static final String COLUMNS = "line, account, name, address, postal_code, city, country, currency, email, "
            + "phone, collector, sales_manager, scenario, credit_limit, bad";

    private final HeaderMap header;
    private final int account;
    private final int name;
    private final int[] plain;
    private final int currency;
    private final int email;
    private final int phone;
    private final int collector;
    private final int salesManager;
    private final int scenario;
    private final int creditLimit;
    private final Reasons reasons = new Reasons();
    private long key;

    CustomerLines(HeaderMap header) {
        this.header = header;
        this.account = header.field("account");
        this.name = header.field("name");
        this.plain = new int[] {header.field("address"), header.field("postal_code"), header.field("city"),
                header.field("country")};
        this.currency = header.field("currency");
        this.email = header.field("email");
        this.phone = header.field("phone");
        this.collector = header.field("collector");
        this.salesManager = header.field("sales_manager");
        this.scenario = header.field("scenario");
        this.creditLimit = header.field("credit_limit");
    }

    @Override
    public String append(CSVRecord record, long line, StringBuilder out) {
        reasons.clear();
        reasons.width(record, header);
        String accountValue = LineFormat.value(record, account);
        String nameValue = LineFormat.value(record, name);
        reasons.required("account", accountValue);
        reasons.required("name", nameValue);
        String currencyValue = LineFormat.value(record, currency);
        if (!currencyValue.isEmpty() && !Reasons.currency(currencyValue)) {
            reasons.add("currency '%s' is not a 3-letter currency code (e.g. EUR)".formatted(currencyValue));
        }
        String emailValue = LineFormat.value(record, email);
        reasons.emailAddress(emailValue);
        String limitValue = LineFormat.value(record, creditLimit);
        StringBuilder limit = new StringBuilder();
        if (!limitValue.isEmpty() && (limitValue.contains("-") || limitValue.contains("(")
                || !Amounts.append(limitValue, false, limit))) {
            reasons.bad("credit_limit", limitValue, "a credit limit (not negative)", Amounts.EXPECTED);
        }
        if (reasons.any()) {
            return reasons.text();
        }
        out.append(line).append('\t');
        CopyText.text(out, accountValue);
        out.append('\t');
        CopyText.text(out, nameValue);
        for (int field : plain) {
            out.append('\t');
            CopyText.text(out, LineFormat.value(record, field));
        }
        out.append('\t');
        CopyText.text(out, currencyValue.toUpperCase(Locale.ROOT));
        out.append('\t');
        CopyText.text(out, emailValue);
        out.append('\t');
        CopyText.text(out, LineFormat.value(record, phone));
        out.append('\t');
        CopyText.text(out, LineFormat.value(record, collector));
        out.append('\t');
        CopyText.text(out, LineFormat.value(record, salesManager));
        out.append('\t');
        CopyText.text(out, LineFormat.value(record, scenario).strip());
        out.append('\t');
        CopyText.text(out, limit.toString());
        out.append("\tf\n");
        key = LineFormat.hash(LineFormat.SEED, accountValue, false);
        return null;
    }

    @Override
    public long key() {
        return key;
    }
}
