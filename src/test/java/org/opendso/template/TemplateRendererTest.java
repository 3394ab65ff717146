package org.opendso.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.tenant.Logo;

class TemplateRendererTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 31);

    static OpenItem invoice(String number, LocalDate due, String amount, String open) {
        return new OpenItem(1, 1, ItemType.INVOICE, number, due.minusDays(30), due, new BigDecimal(amount),
                new BigDecimal(open), "EUR", null, null, 0, null);
    }

    static MergeData data(String language, String customerName, Logo logo) {
        return new MergeData(language, "EUR", customerName, "C001", "Anna Bernard", new BigDecimal("2234.56"),
                new BigDecimal("1234.56"), LocalDate.of(2026, 1, 15), new BigDecimal("12.30"), new BigDecimal("40.00"),
                List.of(invoice("INV-1", LocalDate.of(2026, 1, 15), "1234.56", "1234.56"),
                        invoice("INV-2", LocalDate.of(2026, 2, 20), "1000.00", "1000.00")),
                "Demo & Co", List.of("12 rue de la Paix", "75002 Paris", "France"), logo, "Colin Collector",
                "colin@demo.example", TODAY, null);
    }

    static MergeData withLink(MergeData d, String link) {
        return new MergeData(d.language(), d.currency(), d.customerName(), d.customerAccount(), d.contactName(),
                d.balance(), d.overdueAmount(), d.oldestDueDate(), d.penaltyAmount(), d.indemnityAmount(),
                d.openItems(), d.companyName(), d.companyAddress(), d.logo(), d.collectorName(), d.collectorEmail(),
                d.today(), link);
    }

    @Test
    void frenchAmountsAndDates() {
        Rendered r = TemplateRenderer.render("Relance #CustomerAccount du #Today",
                "<p>#OverdueAmount échu depuis le #OldestDueDate, pénalités #PenaltyAmount, indemnité #IndemnityAmount</p>",
                data("fr", "Atelier", null));
        assertThat(r.subject()).isEqualTo("Relance C001 du 31/01/2026");
        assertThat(r.body()).isEqualTo("<p>1\u00a0234,56\u00a0€ échu depuis le 15/01/2026, pénalités 12,30\u00a0€, "
                + "indemnité 40,00\u00a0€</p>");
        assertThat(r.language()).isEqualTo("fr");
    }

    @Test
    void englishAmountsAndDates() {
        Rendered r = TemplateRenderer.render("Reminder #Today", "#Balance / #OverdueAmount since #OldestDueDate",
                data("en", "Atelier", null));
        assertThat(r.subject()).isEqualTo("Reminder 31 Jan 2026");
        assertThat(r.body()).isEqualTo("€2,234.56 / €1,234.56 since 15 Jan 2026");
        assertThat(TemplateRenderer.amount(new BigDecimal("-5"), "GBP", "en")).isEqualTo("-£5.00");
        assertThat(TemplateRenderer.amount(new BigDecimal("1234567.891"), "EUR", "fr")).isEqualTo("1\u00a0234\u00a0567,89\u00a0€");
    }

    @Test
    void valuesAreHtmlEscapedInTheBodyAndPlainInTheSubject() {
        Rendered r = TemplateRenderer.render("To #CustomerName", "<p>Dear #CustomerName of #CompanyName</p>",
                data("en", "<script>alert(1)</script>", null));
        assertThat(r.body()).isEqualTo("<p>Dear &lt;script&gt;alert(1)&lt;/script&gt; of Demo &amp; Co</p>");
        assertThat(r.body()).doesNotContain("<script>");
        assertThat(r.subject()).isEqualTo("To <script>alert(1)</script>");
    }

    @Test
    void invoiceNumbersStayText() {
        Rendered r = TemplateRenderer.render("Invoice #123", "<p>About invoice #123 and # 4: #CustomerAccount</p>",
                data("en", "Atelier", null));
        assertThat(r.subject()).isEqualTo("Invoice #123");
        assertThat(r.body()).isEqualTo("<p>About invoice #123 and # 4: C001</p>");
    }

    @Test
    void itemTablesAreFormattedPerLanguageAndTheOverdueOneHoldsOnlyLateInvoices() {
        String fr = TemplateRenderer.render("", "#OverdueItemsTable", data("fr", "Atelier", null)).body();
        assertThat(fr).startsWith("<table").contains("Échéance", "Jours de retard", "Reste dû", "INV-1", "15/01/2026",
                ">16<", "1\u00a0234,56\u00a0€").doesNotContain("INV-2");
        String en = TemplateRenderer.render("", "#OpenItemsTable", data("en", "Atelier", null)).body();
        assertThat(en).contains("Due date", "Days overdue", "Open amount", "INV-1", "INV-2", "20 Feb 2026", "€1,000.00");
        MergeData nothing = new MergeData("en", "EUR", "A", "C", null, BigDecimal.ZERO, BigDecimal.ZERO, null,
                BigDecimal.ZERO, BigDecimal.ZERO, List.of(), "Co", List.of(), null, "X", "", TODAY, null);
        assertThat(TemplateRenderer.render("", "#OverdueItemsTable|#OldestDueDate|#ContactName", nothing).body())
                .isEqualTo("<p>No overdue invoices.</p>||Sir or Madam");
    }

    @Test
    void theLogoIsAnImageWithADataUriOrNothing() {
        Logo logo = new Logo(new byte[] {1, 2, 3}, "image/png");
        assertThat(TemplateRenderer.render("", "#CompanyLogo", data("en", "A", logo)).body())
                .isEqualTo("<img src=\"data:image/png;base64,AQID\" alt=\"Demo &amp; Co\" style=\"max-height:80px\">");
        assertThat(TemplateRenderer.render("", "[#CompanyLogo]", data("en", "A", null)).body()).isEqualTo("[]");
    }

    @Test
    void theCompanyAddressIsLinesInTheBodyAndOneLineInTheSubject() {
        Rendered r = TemplateRenderer.render("#CompanyAddress", "#CompanyAddress", data("fr", "A", null));
        assertThat(r.body()).isEqualTo("12 rue de la Paix<br>75002 Paris<br>France");
        assertThat(r.subject()).isEqualTo("12 rue de la Paix, 75002 Paris, France");
    }

    @Test
    void portalLinkIsALinkInTheBodyItsUrlInTheSubjectAndANoteInAPreview() {
        String url = "https://dso.example/portal/abc_DEF-123?x=1&y=<2>";
        Rendered sent = TemplateRenderer.render("Your account: #PortalLink", "<p>See #PortalLink</p>",
                withLink(data("en", "A", null), url));
        assertThat(sent.body()).isEqualTo("<p>See <a href=\"https://dso.example/portal/abc_DEF-123?x=1&amp;y=&lt;2&gt;\">"
                + "https://dso.example/portal/abc_DEF-123?x=1&amp;y=&lt;2&gt;</a></p>");
        assertThat(sent.subject()).isEqualTo("Your account: " + url);
        assertThat(TemplateRenderer.render("", "#PortalLink", data("fr", "A", null)).body())
                .contains(TemplateRenderer.PREVIEW_LINK_FR.replace("'", "&#39;"));
        assertThat(TemplateRenderer.render("#PortalLink", "", data("en", "A", null)).subject())
                .isEqualTo(TemplateRenderer.PREVIEW_LINK_EN);
    }
}
