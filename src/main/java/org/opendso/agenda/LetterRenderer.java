package org.opendso.agenda;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.logging.Level;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lays a letter out as an A4 PDF (openhtmltopdf on PDFBox): the company's logo and address at the top, the
 * recipient's address where the window of a French right-window envelope (DL/C5, letter folded in three) shows it,
 * place and date, the subject line, the body with its tables, and "page n / m" at the foot of every page.
 * <p>
 * The body is a template's HTML, which is not XHTML: jsoup parses the whole letter as a browser would and hands
 * openhtmltopdf a W3C DOM, so an unclosed {@code <br>} or {@code <p>} lays out, and every value put in by this class
 * is set as text (a customer called {@code <script>} prints as such). Only {@code data:} URIs are loaded: a template
 * cannot make the server fetch a URL.
 * <p>
 * Text is Liberation Sans, embedded from the PDFBox jar (Latin-1, accents, the euro sign); bold is the standard
 * Helvetica-Bold every PDF reader has (Liberation Sans has Helvetica's metrics, so both sit together), since no bold
 * face ships in a jar on Maven Central that the build already has. Blocking: {@link #pdf} runs it on
 * {@code boundedElastic}.
 */
@Component
class LetterRenderer {

    static final String FAMILY = "Letter Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** Window envelope (La Poste's guidance for a right window): 110 mm from the left edge, 50 mm from the top. */
    private static final String CSS = """
            @page {
              size: A4;
              margin: 15mm 20mm 22mm 20mm;
              @bottom-center {
                content: "%s " counter(page) " / " counter(pages);
                font-family: '%s'; font-size: 8pt; color: #555555;
              }
            }
            body { font-family: '%s'; font-size: 10pt; line-height: 1.35; color: #000000; margin: 0; }
            .letterhead { height: 35mm; overflow: hidden; }
            .logo img { max-height: 18mm; max-width: 70mm; }
            .company { font-weight: bold; }
            .sender { font-size: 9pt; color: #333333; }
            .recipient { margin-left: 90mm; width: 80mm; height: 38mm; overflow: hidden; }
            .recipient .name { font-weight: bold; }
            .dateline { text-align: right; margin: 4mm 0 6mm 0; }
            .subject { font-weight: bold; margin-bottom: 5mm; }
            .body p { margin: 0 0 3mm 0; }
            .body table { width: 100%%; border-collapse: collapse; margin: 2mm 0 4mm 0; font-size: 9pt;
                          -fs-table-paginate: paginate; }
            .body thead { display: table-header-group; }
            .body tr { page-break-inside: avoid; }
            .body th { background-color: #eeeeee; font-weight: bold; }
            .body img { max-width: 100%%; }
            """;

    private final byte[] font;

    static {
        // openhtmltopdf tells every render's timings at INFO on stderr; its warnings (a refused URI) still show
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    LetterRenderer() {
        try (InputStream in = LetterRenderer.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The letter font " + FONT + " is not on the class path (pdfbox jar)");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF, laid out on a worker thread (PDF rendering blocks). */
    Mono<byte[]> pdf(Letter letter) {
        return Mono.fromCallable(() -> render(letter)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The PDF, on the calling thread. */
    byte[] render(Letter letter) {
        Document html = html(letter);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(font), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD)), FAMILY,
                    700, FontStyle.NORMAL, false);
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withW3cDocument(new W3CDom().fromJsoup(html), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The letter could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** The letter as one HTML document; package-visible for tests that look at the layout's structure. */
    Document html(Letter letter) {
        boolean fr = letter.french();
        Document doc = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title></title><style></style>"
                + "</head><body></body></html>");
        doc.outputSettings().charset("UTF-8");
        doc.selectFirst("html").attr("lang", fr ? "fr" : "en");
        doc.title(letter.subject() == null ? "" : letter.subject());
        doc.selectFirst("style").appendChild(new org.jsoup.nodes.DataNode(
                CSS.formatted("Page", FAMILY, FAMILY)));
        Element body = doc.body();

        Element head = body.appendElement("div").addClass("letterhead");
        if (letter.logo() != null && letter.logo().bytes().length > 0) {
            head.appendElement("div").addClass("logo").appendElement("img")
                    .attr("src", "data:" + letter.logo().contentType() + ";base64,"
                            + Base64.getEncoder().encodeToString(letter.logo().bytes()))
                    .attr("alt", nz(letter.companyName()));
        }
        Element sender = head.appendElement("div").addClass("sender");
        sender.appendElement("div").addClass("company").text(nz(letter.companyName()));
        letter.companyAddress().forEach(line -> sender.appendElement("div").text(line));

        Element to = body.appendElement("div").addClass("recipient");
        to.appendElement("div").addClass("name").text(nz(letter.recipientName()));
        if (letter.attention() != null && !letter.attention().isBlank()) {
            to.appendElement("div").addClass("attention")
                    .text((fr ? "À l'attention de " : "For the attention of ") + letter.attention().strip());
        }
        letter.recipientAddress().forEach(line -> to.appendElement("div").text(line));

        body.appendElement("div").addClass("dateline").text(dateLine(letter));
        if (letter.subject() != null && !letter.subject().isBlank()) {
            body.appendElement("div").addClass("subject")
                    .text((fr ? "Objet : " : "Subject: ") + letter.subject().strip());
        }
        Element text = body.appendElement("div").addClass("body");
        text.html(letter.bodyHtml() == null ? "" : letter.bodyHtml());
        // scripts and forms mean nothing on paper
        text.select("script, style, link, iframe, object, embed, form").remove();
        return doc;
    }

    /** "Paris, le 10 mars 2026" / "Paris, 10 March 2026"; without the company's town, the date alone. */
    static String dateLine(Letter letter) {
        boolean fr = letter.french();
        String date = (fr ? FR_DATE : EN_DATE).format(letter.date());
        String place = letter.place() == null ? "" : letter.place().strip();
        if (place.isEmpty()) {
            return fr ? "Le " + date : date;
        }
        return fr ? place + ", le " + date : place + ", " + date;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
