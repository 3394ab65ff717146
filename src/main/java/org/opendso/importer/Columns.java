package org.opendso.importer;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical columns of each kind and how a header cell is recognised: trimmed, case and accents ignored,
 * punctuation folded to spaces ("N° facture" → "n facture", "Date d'échéance" → "date d echeance"), then
 * looked up in the tenant's saved mapping first, then in the aliases below.
 */
final class Columns {

    private static final String[] ACCOUNT = {"account", "compte", "numero de compte", "n compte", "no compte",
            "compte client", "code client", "n client", "no client", "numero client", "customer account",
            "account number", "customer code", "customer id", "ref client", "reference client"};
    private static final String[] EMAIL = {"email", "e mail", "mail", "courriel", "adresse email", "adresse e mail",
            "adresse mail"};
    private static final String[] PHONE = {"phone", "telephone", "tel", "phone number", "numero de telephone",
            "mobile", "portable"};
    private static final String[] CURRENCY = {"currency", "devise", "monnaie", "ccy", "currency code", "code devise"};

    static final List<Column> CUSTOMERS = List.of(
            Column.required("account", ACCOUNT),
            Column.required("name", "name", "nom", "raison sociale", "societe", "company", "company name",
                    "customer name", "nom client", "nom du client", "client"),
            Column.optional("address", "address", "adresse", "rue", "adresse 1", "address 1", "street"),
            Column.optional("postal_code", "postal code", "code postal", "cp", "zip", "zip code", "postcode"),
            Column.optional("city", "city", "ville", "town", "localite", "commune"),
            Column.optional("country", "country", "pays"),
            Column.optional("currency", CURRENCY),
            Column.optional("email", EMAIL),
            Column.optional("phone", PHONE),
            Column.optional("collector", "collector", "recouvreur", "charge de recouvrement",
                    "chargee de recouvrement", "gestionnaire", "gestionnaire recouvrement", "credit controller"),
            Column.optional("sales_manager", "sales manager", "commercial", "responsable commercial",
                    "salesperson", "sales rep", "vendeur", "account manager"),
            Column.optional("scenario", "scenario", "scenario de relance", "scenario de recouvrement",
                    "collection scenario", "dunning scenario", "relance"),
            Column.optional("credit_limit", "credit limit", "limite de credit", "plafond", "plafond de credit",
                    "encours autorise", "encours maximum", "credit line"));

    static final List<Column> CONTACTS = List.of(
            Column.required("account", ACCOUNT),
            Column.required("name", "name", "nom", "contact", "nom du contact", "nom contact", "contact name",
                    "interlocuteur"),
            Column.optional("role", "role", "fonction", "poste", "title", "job title", "qualite"),
            Column.optional("email", EMAIL),
            Column.optional("phone", PHONE),
            Column.optional("collection_contact", "collection contact", "contact recouvrement",
                    "contact de recouvrement", "contact relance", "contact principal", "principal",
                    "main contact", "dunning contact"));

    static final List<Column> ITEMS = List.of(
            Column.required("account", ACCOUNT),
            Column.optional("name", "name", "nom", "raison sociale", "customer name", "nom client",
                    "nom du client", "client", "societe"),
            Column.optional("type", "type", "nature", "type de piece", "type piece", "type document",
                    "document type", "item type", "code journal"),
            Column.required("number", "number", "numero", "n", "no", "num", "n facture", "no facture",
                    "numero facture", "numero de facture", "numero de piece", "numero piece", "n piece",
                    "no piece", "piece", "invoice number", "invoice no", "document number", "doc number",
                    "item number"),
            Column.optional("issue_date", "issue date", "date", "date facture", "date de facture",
                    "date d emission", "date emission", "date piece", "date de piece", "invoice date",
                    "document date"),
            Column.required("due_date", "due date", "echeance", "date d echeance", "date echeance",
                    "date limite de paiement", "due"),
            Column.required("amount", "amount", "montant", "montant ttc", "total", "total ttc",
                    "montant initial", "montant facture", "invoice amount", "gross amount"),
            Column.optional("open_amount", "open amount", "reste du", "reste a payer", "restant du", "solde",
                    "montant ouvert", "montant restant", "montant du", "open", "outstanding", "remaining",
                    "balance", "amount due", "open balance"),
            Column.optional("currency", CURRENCY),
            Column.optional("reference", "reference", "ref", "libelle", "label", "description",
                    "your reference", "po number", "commande"));

    private static final Map<ImportKind, Map<String, String>> ALIASES = new HashMap<>();

    static {
        for (ImportKind kind : ImportKind.values()) {
            Map<String, String> aliases = new HashMap<>();
            for (Column column : of(kind)) {
                aliases.put(normalize(column.name()), column.name());
                for (String alias : column.aliases()) {
                    // "reference client" is an account in a customer file, a reference in an items file: the
                    // first column declaring an alias keeps it.
                    aliases.putIfAbsent(normalize(alias), column.name());
                }
            }
            ALIASES.put(kind, Map.copyOf(aliases));
        }
    }

    private Columns() {
    }

    static List<Column> of(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> CUSTOMERS;
            case CONTACTS -> CONTACTS;
            case ITEMS -> ITEMS;
        };
    }

    static int indexOf(ImportKind kind, String canonical) {
        List<Column> columns = of(kind);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(canonical)) {
                return i;
            }
        }
        return -1;
    }

    /** The canonical column a header means by the built-in aliases, or null. */
    static String alias(ImportKind kind, String normalizedHeader) {
        return ALIASES.get(kind).get(normalizedHeader);
    }

    /** Case, accents, surrounding blanks and punctuation do not matter in a header. */
    static String normalize(String header) {
        String s = header.replace("\uFEFF", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
