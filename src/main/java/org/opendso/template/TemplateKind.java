package org.opendso.template;

/** Sent as an email, or printed and posted as a letter. */
public enum TemplateKind {
    EMAIL, LETTER
}
