package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.mail.TestSmtp;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.test.StepVerifier;

/** Letters of the agenda: the PDF as a reader sees it, printed and posted, or emailed through a real SMTP server. */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, AgendaFixture.FixedClock.class, LetterCallFixture.class})
class LetterActionsIT {

    static final GreenMail smtp = TestSmtp.started();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        TestSmtp.register(properties, smtp, "collections@letters.opendso.org", "200ms");
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Autowired
    LetterActions letters;

    @Autowired
    LetterCallFixture lc;

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
        }
    }

    @Test
    void theFormalNoticePrintsWithBothAddressesInFrenchAndMarkingItSentDoesTheActionAndLogsTheLetter()
            throws IOException {
        TestTenants.Other company = lc.company("lt-fr");
        LetterCallFixture.Account account = lc.account(company, "LT-1", "Boulangerie Éclair", null, "LETTER");
        Staff collector = company.collector();

        LetterPdf pdf = letters.pdf(collector, account.actionId()).block();
        assertThat(pdf.fileName()).isEqualTo("courrier-LT-1-" + AgendaFixture.TODAY + ".pdf");
        assertThat(pdf.language()).isEqualTo("fr");
        assertThat(pdf.subject()).isEqualTo("Mise en demeure de payer - compte LT-1");
        // kept for a look (target/letter-formal-notice-fr.pdf): the build does not read it
        java.nio.file.Files.write(java.nio.file.Path.of("target", "letter-formal-notice-fr.pdf"), pdf.content());
        String text = text(pdf.content());
        assertThat(text).contains("Fournitures Lumière SA", "12 rue de l'Église", "75011 Paris",
                "Boulangerie Éclair", "À l'attention de Jeanne Dupré", "3 avenue des Canuts", "69002 Lyon",
                "Paris, le 10 mars 2026", "Objet : Mise en demeure de payer - compte LT-1",
                "1 234,56 €", "LT-1-F1", "Collector", "régler la somme de 1 234,56 €");
        // the standard letter no longer writes the addresses by hand (V4_7): each shows once
        assertThat(text.split("Boulangerie Éclair", -1)).hasSize(2);
        assertThat(text.split("75011 Paris", -1)).hasSize(2);

        int before = lc.eventsSince(account.customerId(), 0).size();
        letters.markSent(collector, account.actionId(), account.version() + 5).as(StepVerifier::create)
                .expectError(ActionChanged.class).verify();
        assertThat(lc.eventsSince(account.customerId(), 0)).hasSize(before);

        letters.markSent(collector, account.actionId(), account.version()).as(StepVerifier::create)
                .assertNext(a -> {
                    assertThat(a.state()).isEqualTo("DONE");
                    assertThat(a.outcome()).isEqualTo("SENT_BY_POST");
                })
                .verifyComplete();
        assertThat(lc.eventsSince(account.customerId(), before)).startsWith("LETTER_PRINTED", "ACTION_DONE");
        assertThat(lc.payload(account.customerId(), "LETTER_PRINTED"))
                .contains("\"channel\": \"POST\"", "Mise en demeure de payer - compte LT-1",
                        "\"actionId\": " + account.actionId());
        // done already: a second time is a conflict; the letter can still be printed again
        letters.markSent(collector, account.actionId(), null).as(StepVerifier::create)
                .expectError(ActionChanged.class).verify();
        assertThat(letters.pdf(collector, account.actionId()).block().content()).isNotEmpty();
    }

    @Test
    void anEnglishLetterFormatsAmountsTheEnglishWayAndACustomerNamedScriptPrintsAsText() throws IOException {
        TestTenants.Other company = lc.company("lt-en");
        LetterCallFixture.Account account = lc.account(company, "LT-2", "<script>alert(1)</script>", "en", "LETTER");
        String text = text(letters.pdf(company.collector(), account.actionId()).block().content());
        assertThat(text).contains("<script>alert(1)</script>", "For the attention of Jeanne Dupré",
                "Paris, 10 March 2026", "Subject: Formal notice to pay - account LT-2", "€1,234.56")
                .doesNotContain("1 234,56");
    }

    @Test
    void emailingTheLetterQueuesItWithThePdfAttachedAndDoesTheActionWithTheMailsId() throws Exception {
        TestTenants.Other company = lc.company("lt-mail");
        LetterCallFixture.Account account = lc.account(company, "LT-3", "Client Courriel", null, "LETTER");
        Staff collector = company.collector();
        assertThat(letters.defaultRecipient(collector, account.actionId()).block()).isEqualTo("jeanne@client.example");

        letters.emailAsAttachment(collector, account.actionId(), account.version(), "not an address")
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidAction.class,
                        i -> assertThat(i.field()).isEqualTo("to")))
                .verify();
        letters.emailAsAttachment(collector, account.actionId(), account.version() + 1, "jeanne@client.example")
                .as(StepVerifier::create).expectError(ActionChanged.class).verify();
        assertThat(lc.action(account.actionId()).state()).isEqualTo("PLANNED");

        String to = "jeanne+" + System.nanoTime() + "@client.example";
        letters.emailAsAttachment(collector, account.actionId(), account.version(), to).as(StepVerifier::create)
                .assertNext(a -> assertThat(a.outcome()).isEqualTo("SENT_BY_EMAIL"))
                .verifyComplete();
        LetterCallFixture.Row row = lc.action(account.actionId());
        assertThat(row.state()).isEqualTo("DONE");
        assertThat(row.mailId()).isNotNull();
        assertThat(lc.payload(account.customerId(), "LETTER_PRINTED"))
                .contains("\"channel\": \"EMAIL\"", "\"mailId\": " + row.mailId(), to);

        await().atMost(Duration.ofSeconds(20)).until(() -> received(to).isPresent());
        MimeMessage message = received(to).orElseThrow();
        assertThat(message.getSubject()).isEqualTo("Mise en demeure de payer - compte LT-3");
        Multipart parts = (Multipart) message.getContent();
        BodyPart attachment = null;
        StringBuilder cover = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachment = part;
            } else {
                cover.append(content(part));
            }
        }
        assertThat(attachment).isNotNull();
        assertThat(attachment.getFileName()).isEqualTo("courrier-LT-3-" + AgendaFixture.TODAY + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        byte[] pdf = attachment.getInputStream().readAllBytes();
        assertThat(text(pdf)).contains("Client Courriel", "1 234,56 €", "Fournitures Lumière SA");
        assertThat(cover.toString()).contains("Veuillez trouver ci-joint notre courrier");
    }

    @Test
    void aCallIsNotALetterAndOthersCannotSeeTheLetter() {
        TestTenants.Other company = lc.company("lt-kind");
        LetterCallFixture.Account call = lc.account(company, "LT-4", "Client Appel", null, "CALL");
        letters.pdf(company.collector(), call.actionId()).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(WrongKind.class,
                        w -> assertThat(w.field()).isEqualTo("kind")))
                .verify();
        letters.markSent(company.collector(), call.actionId(), call.version()).as(StepVerifier::create)
                .expectError(WrongKind.class).verify();
        assertThat(lc.action(call.actionId()).state()).isEqualTo("PLANNED");

        LetterCallFixture.Account letter = lc.account(company, "LT-5", "Client Caché", null, "LETTER");
        TestTenants.Other stranger = lc.company("lt-other");
        letters.pdf(stranger.admin(), letter.actionId()).as(StepVerifier::create)
                .expectError(UnknownAction.class).verify();
        letters.markSent(stranger.admin(), letter.actionId(), null).as(StepVerifier::create)
                .expectError(UnknownAction.class).verify();
        letters.emailAsAttachment(stranger.collector(), letter.actionId(), null, "x@client.example")
                .as(StepVerifier::create).expectError(UnknownAction.class).verify();
        // a collector of the company the account is not assigned to
        Staff colleague = new Staff(company.tenantId(), company.admin().userId() + 1000, "nobody", "Nobody",
                org.opendso.security.Role.COLLECTOR, "fr");
        letters.pdf(colleague, letter.actionId()).as(StepVerifier::create).expectError(UnknownAction.class).verify();
        assertThat(lc.action(letter.actionId()).state()).isEqualTo("PLANNED");
    }

    private static Optional<MimeMessage> received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to));
            } catch (Exception e) {
                return false;
            }
        }).findFirst();
    }

    private static String content(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(content(multi.getBodyPart(i)));
            }
            return all.toString();
        }
        return String.valueOf(content);
    }
}
