package org.opendso.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A GreenMail SMTP server for a test class, and the settings that point the application's outbox at it. */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** Started on a free port; the class stops it after its tests. */
    public static GreenMail started() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    /** The outbox sends to {@code smtp} from {@code from}, looking for mails to send every {@code pollInterval}. */
    public static void register(DynamicPropertyRegistry properties, GreenMail smtp, String from, String pollInterval) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        properties.add("opendso.mail.from", () -> from);
        properties.add("opendso.mail.poll-interval", () -> pollInterval);
    }
}
