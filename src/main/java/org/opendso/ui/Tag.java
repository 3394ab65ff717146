package org.opendso.ui;

import com.vaadin.flow.component.html.Span;

/** A small coloured label: a role, a state, a flag. Tones: neutral, primary, success, warning, error. */
public class Tag extends Span {

    public Tag(String text, String tone) {
        super(text);
        addClassNames("tag", "tag-" + tone);
    }
}
