package org.opendso.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One headline figure of a page (balance, overdue...): a label above a big value. */
public class Figure extends Div {

    private final Span value = new Span();

    public Figure(String label, String value) {
        addClassName("figure");
        Span caption = new Span(label);
        caption.addClassName("figure-label");
        this.value.addClassName("figure-value");
        this.value.setText(value);
        add(caption, this.value);
    }

    public Figure tone(String tone) {
        addClassName("figure-" + tone);
        return this;
    }

    public String value() {
        return value.getText();
    }
}
