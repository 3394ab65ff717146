package org.opendso.template;

/** Someone saved the template since the version the writer read; carries the template as it is now. */
public class TemplateChanged extends RuntimeException {

    private final Template current;

    public TemplateChanged(Template current, long expectedVersion) {
        super("Template " + current.code() + " (" + current.language() + ") was changed meanwhile (version "
                + current.version() + ", you edited version " + expectedVersion + "); reload it and try again");
        this.current = current;
    }

    public Template current() {
        return current;
    }
}
