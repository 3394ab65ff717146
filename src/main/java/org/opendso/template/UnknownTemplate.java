package org.opendso.template;

/** No template with this code in this language in the caller's company. */
public class UnknownTemplate extends IllegalArgumentException {

    public UnknownTemplate(String code, String language) {
        super("No template '" + code + "' in language '" + language + "'");
    }
}
