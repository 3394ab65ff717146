package org.opendso.agenda;

import java.util.List;
import org.opendso.template.Rendered;

/**
 * An email action ready to edit: who it goes to (from the step's recipient), the action's template as text with its
 * hashtags ({@code subject}, {@code body}: what the collector edits) in the account's language, the same rendered
 * for the account ({@code preview}), and the action's version to send against. {@code templateCode} null (an
 * action replaced by an email, a step without template): subject and body are empty, the collector writes them.
 */
public record EmailDraft(PlannedAction action, String recipient, List<EmailAddress> to, String templateCode,
                         String language, String subject, String body, Rendered preview) {
}
