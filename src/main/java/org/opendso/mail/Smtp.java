package org.opendso.mail;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The SMTP server mails go to, when one is configured: Spring Boot creates a {@link JavaMailSender} only when
 * {@code spring.mail.host} is set. Without one, mails are kept in the mail log instead of being sent.
 */
@Component
class Smtp {

    private final Optional<JavaMailSender> sender;

    Smtp(ObjectProvider<JavaMailSender> sender) {
        this.sender = Optional.ofNullable(sender.getIfAvailable());
    }

    boolean configured() {
        return sender.isPresent();
    }

    Optional<JavaMailSender> sender() {
        return sender;
    }
}
