package org.opendso.template;

/** A template's subject (plain text) and body (HTML) with every hashtag replaced, in one language. */
public record Rendered(String subject, String body, String language) {
}
