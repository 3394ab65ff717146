package org.opendso.template;

/** What an administrator writes: a new template, or the new state of one (its code and language stay). */
public record TemplateDraft(String code, String language, TemplateKind kind, String name, String subject, String body) {
}
