package org.opendso.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendso.item.ItemType;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({
            "invoice,INVOICE", "Facture,INVOICE", "INV,INVOICE", "FA,INVOICE", " f ,INVOICE",
            "credit_note,CREDIT_NOTE", "Credit note,CREDIT_NOTE", "AVOIR,CREDIT_NOTE", "CN,CREDIT_NOTE",
            "payment,UNALLOCATED_PAYMENT", "PAY,UNALLOCATED_PAYMENT", "Règlement,UNALLOCATED_PAYMENT",
            "paiement,UNALLOCATED_PAYMENT", "REGLEMENT,UNALLOCATED_PAYMENT"})
    void itemTypesInEnglishAndFrench(String text, ItemType expected) {
        assertThat(ItemTypes.parse(text.strip())).isEqualTo(expected);
    }

    @Test
    void unknownTypeIsNull() {
        assertThat(ItemTypes.parse("bon de livraison")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"yes,true", "Oui,true", "X,true", "1,true", "TRUE,true", "no,false", "NON,false", "0,false",
            "'',false", "false,false"})
    void flags(String text, boolean expected) {
        assertThat(Flags.parse(text)).isEqualTo(expected);
    }

    @Test
    void aFlagThatIsNoFlag() {
        assertThat(Flags.parse("peut-être")).isNull();
    }

    @Test
    void headersIgnoreCaseAccentsAndPunctuation() {
        assertThat(Columns.normalize("  Date d'échéance ")).isEqualTo("date d echeance");
        assertThat(Columns.normalize("N° facture")).isEqualTo("n facture");
        assertThat(Columns.normalize("\uFEFFCompte")).isEqualTo("compte");
        assertThat(Columns.normalize("postal_code")).isEqualTo("postal code");
        assertThat(Columns.alias(ImportKind.ITEMS, Columns.normalize("Échéance"))).isEqualTo("due_date");
        assertThat(Columns.alias(ImportKind.ITEMS, Columns.normalize("Reste dû"))).isEqualTo("open_amount");
        assertThat(Columns.alias(ImportKind.ITEMS, Columns.normalize("Montant TTC"))).isEqualTo("amount");
        assertThat(Columns.alias(ImportKind.ITEMS, Columns.normalize("Numéro de pièce"))).isEqualTo("number");
        assertThat(Columns.alias(ImportKind.CUSTOMERS, Columns.normalize("Raison sociale"))).isEqualTo("name");
        assertThat(Columns.alias(ImportKind.CUSTOMERS, Columns.normalize("Chargé de recouvrement")))
                .isEqualTo("collector");
        assertThat(Columns.alias(ImportKind.CONTACTS, Columns.normalize("Fonction"))).isEqualTo("role");
        assertThat(Columns.alias(ImportKind.CONTACTS, Columns.normalize("Contact recouvrement")))
                .isEqualTo("collection_contact");
    }

    @Test
    void keyHashesSpotRepeats() {
        KeyHashes keys = new KeyHashes();
        for (long i = 0; i < 100_000; i++) {
            assertThat(keys.add(i * 0x9E3779B97F4A7C15L)).isTrue();
        }
        assertThat(keys.add(0)).isFalse(); // 0 * anything is already there
        assertThat(keys.add(5 * 0x9E3779B97F4A7C15L)).isFalse();
        assertThat(keys.size()).isEqualTo(100_000);
    }

    @Test
    void copyTextEscapes() {
        StringBuilder out = new StringBuilder();
        CopyText.text(out, "a\tb\\c\nd\re");
        out.append('|');
        CopyText.text(out, "");
        assertThat(out).hasToString("a\\tb\\\\c\\nd\\re|\\N");
    }
}
