package org.opendso.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendso.item.ItemType;

/** The item type an ERP writes, in English or French, full or abbreviated. */
final class ItemTypes {

    static final String EXPECTED = "expected invoice, credit_note or payment";

    private static final Map<String, ItemType> ALIASES = new HashMap<>();

    static {
        for (String s : new String[] {"invoice", "inv", "i", "in", "facture", "fac", "fa", "f", "fact", "debit",
                "invoices", "factures", "bill", "vente", "vt", "fc"}) {
            ALIASES.put(s, ItemType.INVOICE);
        }
        for (String s : new String[] {"credit note", "credit_note", "creditnote", "credit", "cn", "cr", "c",
                "avoir", "av", "a", "avoirs", "credit memo", "note de credit", "nc"}) {
            ALIASES.put(Columns.normalize(s), ItemType.CREDIT_NOTE);
        }
        for (String s : new String[] {"payment", "pay", "pmt", "p", "paiement", "reglement", "rgt", "reg",
                "encaissement", "enc", "unallocated payment", "unallocated_payment", "acompte", "rg", "pm",
                "receipt", "cash"}) {
            ALIASES.put(Columns.normalize(s), ItemType.UNALLOCATED_PAYMENT);
        }
    }

    /** Files repeat a handful of spellings a million times: remember them as written. */
    private static final Map<String, ItemType> SEEN = new ConcurrentHashMap<>();

    private ItemTypes() {
    }

    /** The type, or null when the text names none. */
    static ItemType parse(String text) {
        ItemType seen = SEEN.get(text);
        if (seen != null) {
            return seen;
        }
        ItemType type = ALIASES.get(Columns.normalize(text));
        if (type != null && SEEN.size() < 1000) {
            SEEN.put(text, type);
        }
        return type;
    }
}
