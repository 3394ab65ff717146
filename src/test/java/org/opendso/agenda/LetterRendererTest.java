package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** The letter's PDF read back with PDFBox: what a reader sees, and where the envelope window shows it. */
class LetterRendererTest {

    static final LetterRenderer renderer = new LetterRenderer();

    static Letter letter(String language, String customer, String body) {
        return new Letter(language, "Acme Fournitures SA", List.of("12 rue de l'Église", "75011 Paris", "France"), null,
                customer, "Jeanne Dupré", List.of("3 avenue des Champs", "69002 Lyon"), "Paris",
                LocalDate.of(2026, 3, 10), "Mise en demeure de payer - compte C-1", body);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aFrenchLetterHoldsTheAddressesTheDateTheSubjectAndAmountsWithAccentsAndEuros() throws IOException {
        byte[] pdf = renderer.render(letter("fr", "Boulangerie Éclair", """
                <p>Madame, Monsieur,</p>
                <p>Le montant échu s'élève à 1\u00a0234,56\u00a0€.
                <table><thead><tr><th>N°</th><th>Échéance</th><th>Reste dû</th></tr></thead>
                <tbody><tr><td>F-1</td><td>01/02/2026</td><td>1\u00a0234,56\u00a0€</td></tr></tbody></table>
                <p>Veuillez agréer<br>nos salutations"""));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        // kept for a look (pdftoppm target/letter-sample-fr.pdf): the build does not read it
        java.nio.file.Files.write(java.nio.file.Path.of("target", "letter-sample-fr.pdf"), pdf);
        String text = text(pdf).replace('\u00a0', ' ');
        assertThat(text).contains("Acme Fournitures SA", "12 rue de l'Église", "75011 Paris",
                "Boulangerie Éclair", "À l'attention de Jeanne Dupré", "69002 Lyon",
                "Paris, le 10 mars 2026", "Objet : Mise en demeure de payer - compte C-1",
                "1 234,56 €", "Échéance", "Reste dû", "Page 1 / 1");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertThat(a4.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            // the regular text font travels with the file
            List<PDFont> fonts = new java.util.ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).anySatisfy(f -> {
                assertThat(f.getName()).contains("LiberationSans");
                assertThat(f.isEmbedded()).isTrue();
            });
        }
    }

    @Test
    void theRecipientBlockSitsInTheEnvelopeWindowAndTheSenderAboveIt() throws IOException {
        byte[] pdf = renderer.render(letter("en", "Window Customer Ltd", "<p>Dear Sir or Madam,</p>"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            float mm = 72f / 25.4f;
            PDFTextStripperByArea window = new PDFTextStripperByArea();
            // the window of a right-window DL envelope: 110..210 mm from the left, 45..90 mm from the top
            window.addRegion("window", new java.awt.geom.Rectangle2D.Float(105 * mm, 45 * mm, 100 * mm, 45 * mm));
            window.addRegion("top", new java.awt.geom.Rectangle2D.Float(0, 0, 210 * mm, 45 * mm));
            window.extractRegions(doc.getPage(0));
            assertThat(window.getTextForRegion("window")).contains("Window Customer Ltd",
                    "For the attention of Jeanne Dupré", "69002 Lyon").doesNotContain("Acme");
            assertThat(window.getTextForRegion("top")).contains("Acme Fournitures SA", "75011 Paris")
                    .doesNotContain("Window Customer");
        }
        assertThat(text(pdf)).contains("Paris, 10 March 2026", "Subject: Mise en demeure");
    }

    @Test
    void markupInValuesAndScriptsInTheBodyStayOffThePageOrPrintAsText() throws IOException {
        byte[] pdf = renderer.render(letter("en", "<script>alert(1)</script>",
                "<p>Hello &lt;b&gt;</p><script>document.write('injected')</script>"
                        + "<img src=\"http://127.0.0.1:9/tracker.png\">"));
        String text = text(pdf);
        assertThat(text).contains("<script>alert(1)</script>", "Hello <b>").doesNotContain("injected");
    }

    @Test
    void aLongBodyRunsOverPagesNumberedInTheFooter() throws IOException {
        StringBuilder rows = new StringBuilder("<table><thead><tr><th>Number</th><th>Open amount</th></tr></thead><tbody>");
        for (int i = 1; i <= 120; i++) {
            rows.append("<tr><td>INV-").append(i).append("</td><td>€1,000.00</td></tr>");
        }
        byte[] pdf = renderer.render(letter("en", "Many Items Inc", "<p>Items:</p>" + rows + "</tbody></table>"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(pages);
            last.setEndPage(pages);
            assertThat(last.getText(doc)).contains("Page " + pages + " / " + pages, "INV-120")
                    // the header row repeats on every page
                    .contains("Open amount");
        }
    }
}
