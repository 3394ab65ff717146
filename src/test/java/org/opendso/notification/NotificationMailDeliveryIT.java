package org.opendso.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendso.alert.AlertFixture.TODAY;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.action.ActionFixture;
import org.opendso.action.ActionKind;
import org.opendso.alert.AlertFixture;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.mail.TestSmtp;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The notification mail goes all the way: a dispute qualified by a collector reaches the assigned sales manager's
 * mailbox through the schedule, the outbox and a real SMTP server (GreenMail), once, with the link to the action.
 */
@IntegrationTest
@TestPropertySource(properties = {"opendso.notifications.mail-cron=* * * * * *", "opendso.public-url=https://dso.example.com/"})
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class, ActionFixture.class})
class NotificationMailDeliveryIT {

    static final GreenMail smtp = TestSmtp.started();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        TestSmtp.register(properties, smtp, "opendso@demo.opendso.org", "200ms");
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Autowired Qualifications qualifications;
    @Autowired OpenItems openItems;
    @Autowired TestTenants tenants;
    @Autowired AlertFixture fx;
    @Autowired ActionFixture ax;

    List<MimeMessage> received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void theSalesManagerReceivesTheDisputeOnceWithALinkToTheAction() throws Exception {
        String p = "nmd" + System.nanoTime();
        TestTenants.Other other = tenants.create(p);
        long customer = fx.customer(other.tenantId(), "NMD-1", other.collector().userId());
        fx.item(other.tenantId(), customer, "NM-1", TODAY.minusDays(40), "500.00");
        Staff sam = ax.user(other.tenantId(), p + "-sam", Role.SALES_MANAGER, "fr");
        ax.assign(other.tenantId(), customer, sam.userId(), "SALES_MANAGER");
        OpenItem item = openItems.byKeys(other.tenantId(), customer, List.of(new OpenItem.Key(ItemType.INVOICE, "NM-1")))
                .blockFirst();
        long action = qualifications.qualify(other.collector(), customer, new Qualification(
                List.of(new Qualification.ItemRef(item.type(), item.number(), item.version())), "QUALITY_DISPUTE", TODAY,
                "Damaged goods", null, new Qualification.NextAction(ActionKind.DISPUTE_FOLLOW_UP, TODAY.plusDays(3),
                        sam.userId(), "Photos?"))).block().action().id();

        String address = sam.login() + "@example.org";
        await().atMost(Duration.ofSeconds(30)).until(() -> received(address).size() == 1);
        MimeMessage mail = received(address).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Nouveau litige sur NMD-1 · Customer NMD-1");
        // quoted-printable: soft line breaks and the escaped "="
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        assertThat(body).contains("https://dso.example.com/actions/" + action).contains("Litige qualit");
        // a few more runs of the schedule send nothing more
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> received(address).size() == 1);
    }
}
