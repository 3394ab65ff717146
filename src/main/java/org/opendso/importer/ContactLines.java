package org.opendso.importer;

import org.apache.commons.csv.CSVRecord;

/**
 * Contact lines → {@code import_stage(line, account, name, role, email, phone, collection_contact, bad)}.
 * A contact is known within its customer by its name, case ignored. The account must exist (checked in SQL).
 */
final class ContactLines implements LineFormat {

    static final String COLUMNS = "line, account, name, role, email, phone, collection_contact, bad";

    private final HeaderMap header;
    private final int account;
    private final int name;
    private final int role;
    private final int email;
    private final int phone;
    private final int collectionContact;
    private final Reasons reasons = new Reasons();
    private long key;

    ContactLines(HeaderMap header) {
        this.header = header;
        this.account = header.field("account");
        this.name = header.field("name");
        this.role = header.field("role");
        this.email = header.field("email");
        this.phone = header.field("phone");
        this.collectionContact = header.field("collection_contact");
    }

    @Override
    public String append(CSVRecord record, long line, StringBuilder out) {
        reasons.clear();
        reasons.width(record, header);
        String accountValue = LineFormat.value(record, account);
        String nameValue = LineFormat.value(record, name);
        reasons.required("account", accountValue);
        reasons.required("name", nameValue);
        String emailValue = LineFormat.value(record, email);
        reasons.emailAddress(emailValue);
        String flagValue = LineFormat.value(record, collectionContact);
        Boolean flag = Flags.parse(flagValue);
        if (flag == null) {
            reasons.bad("collection_contact", flagValue, "yes or no", Flags.EXPECTED);
        }
        if (reasons.any()) {
            return reasons.text();
        }
        out.append(line).append('\t');
        CopyText.text(out, accountValue);
        out.append('\t');
        CopyText.text(out, nameValue);
        out.append('\t');
        CopyText.text(out, LineFormat.value(record, role));
        out.append('\t');
        CopyText.text(out, emailValue);
        out.append('\t');
        CopyText.text(out, LineFormat.value(record, phone));
        out.append('\t');
        if (collectionContact < 0) {
            CopyText.nul(out);
        } else {
            out.append(flag ? 't' : 'f');
        }
        out.append("\tf\n");
        key = LineFormat.hash(LineFormat.hash(LineFormat.SEED, accountValue, false), nameValue, true);
        return null;
    }

    @Override
    public long key() {
        return key;
    }
}
