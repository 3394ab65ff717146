package org.opendso.template;

/**
 * An email or letter template in one language: a plain-text subject and an HTML body with #Hashtags. Named by its
 * code and language (scenario steps name the code; the account's language picks the row). Standard templates come
 * with the company.
 */
public record Template(long id, String code, String language, TemplateKind kind, String name, String subject,
                       String body, boolean standard, long version) {
}
