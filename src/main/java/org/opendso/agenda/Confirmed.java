package org.opendso.agenda;

import java.util.List;
import java.util.Map;

/** What "send all" did: the actions sent, and the ones that could not be sent with the reason (by action id). */
public record Confirmed(List<EmailSent> sent, Map<Long, String> failed) {
}
