package org.opendso.importer;

import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.opendso.item.ItemType;

/**
 * Open item lines → {@code import_stage(line, account, name, type, number, issue_date, due_date, amount,
 * open_amount, currency, reference, bad)}. Credit notes and payments are stored negative whatever sign the
 * file gives; the open amount defaults to the amount; a blank due date falls back to the issue date (ERPs
 * leave it empty on payments).
 */
final class ItemLines implements LineFormat {

    static final String COLUMNS =
            "line, account, name, type, number, issue_date, due_date, amount, open_amount, currency, reference, bad";

    private final HeaderMap header;
    private final int account;
    private final int name;
    private final int type;
    private final int number;
    private final int issueDate;
    private final int dueDate;
    private final int amount;
    private final int openAmount;
    private final int currency;
    private final int reference;
    private final Reasons reasons = new Reasons();
    private long key;

    ItemLines(HeaderMap header) {
        this.header = header;
        this.account = header.field("account");
        this.name = header.field("name");
        this.type = header.field("type");
        this.number = header.field("number");
        this.issueDate = header.field("issue_date");
        this.dueDate = header.field("due_date");
        this.amount = header.field("amount");
        this.openAmount = header.field("open_amount");
        this.currency = header.field("currency");
        this.reference = header.field("reference");
    }

    @Override
    public String append(CSVRecord record, long line, StringBuilder out) {
        reasons.clear();
        int mark = out.length();
        reasons.width(record, header);
        String accountValue = LineFormat.value(record, account);
        String numberValue = LineFormat.value(record, number);
        String typeValue = LineFormat.value(record, type);
        ItemType itemType = ItemType.INVOICE;
        if (type >= 0) {
            itemType = typeValue.isEmpty() ? null : ItemTypes.parse(typeValue);
            if (itemType == null) {
                reasons.add(typeValue.isEmpty() ? "type is empty (" + ItemTypes.EXPECTED + ")"
                        : "type '%s' is unknown (%s)".formatted(typeValue, ItemTypes.EXPECTED));
            }
        }
        reasons.required("account", accountValue);
        reasons.required("number", numberValue);
        boolean negative = itemType == ItemType.CREDIT_NOTE || itemType == ItemType.UNALLOCATED_PAYMENT;

        out.append(line).append('\t');
        CopyText.text(out, accountValue);
        out.append('\t');
        CopyText.text(out, LineFormat.value(record, name));
        out.append('\t');
        if (itemType == null) {
            CopyText.nul(out);
        } else {
            out.append(itemType.name());
        }
        out.append('\t');
        CopyText.text(out, numberValue);
        out.append('\t');
        int beforeValues = out.length();

        String issue = LineFormat.value(record, issueDate);
        if (issue.isEmpty()) {
            CopyText.nul(out);
        } else if (!Dates.append(issue, out)) {
            reasons.bad("issue_date", issue, "a date", Dates.EXPECTED);
        }
        out.append('\t');
        String due = LineFormat.value(record, dueDate);
        if (due.isEmpty()) {
            if (issue.isEmpty() || !Dates.append(issue, out)) {
                reasons.empty("due_date");
            }
        } else if (!Dates.append(due, out)) {
            reasons.bad("due_date", due, "a date", Dates.EXPECTED);
        }
        out.append('\t');
        String amountValue = LineFormat.value(record, amount);
        int amountStart = out.length();
        if (amountValue.isEmpty()) {
            reasons.empty("amount");
        } else if (!Amounts.append(amountValue, negative, out)) {
            reasons.bad("amount", amountValue, "an amount", Amounts.EXPECTED);
        }
        int amountEnd = out.length();
        out.append('\t');
        String open = LineFormat.value(record, openAmount);
        if (open.isEmpty()) {
            out.append(out, amountStart, amountEnd); // the whole amount is still due
        } else if (!Amounts.append(open, negative, out)) {
            reasons.bad("open_amount", open, "an amount", Amounts.EXPECTED);
        }
        out.append('\t');
        String currencyValue = LineFormat.value(record, currency);
        if (currencyValue.isEmpty()) {
            CopyText.nul(out);
        } else if (Reasons.currency(currencyValue)) {
            out.append(currencyValue.toUpperCase(Locale.ROOT));
        } else {
            reasons.add("currency '%s' is not a 3-letter currency code (e.g. EUR)".formatted(currencyValue));
        }
        out.append('\t');
        CopyText.text(out, LineFormat.value(record, reference));
        out.append("\tf\n");

        if (!reasons.any()) {
            key = LineFormat.hash(LineFormat.hash(LineFormat.SEED, itemType.name(), false), numberValue, false);
            return null;
        }
        // A bad line still names an item (if it has a number): keep a row marked bad so that a snapshot does
        // not close that item as paid just because its line had a typo.
        out.setLength(beforeValues);
        if (numberValue.isEmpty()) {
            out.setLength(mark);
        } else {
            out.append("\\N\t\\N\t\\N\t\\N\t\\N\t\\N\tt\n");
        }
        return reasons.text();
    }

    @Override
    public long key() {
        return key;
    }
}
