package org.opendso.template.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import org.opendso.template.Hashtag;

/**
 * Picks a hashtag and writes it into a text area where its cursor was. The browser tells the server the cursor's
 * position when the text area loses focus (which choosing in this picker always makes it do); without one (never
 * focused) the hashtag goes at the end. A space keeps it apart from the word before it.
 */
public class HashtagPicker extends ComboBox<Hashtag> {

    /** The cursor of the text area's native textarea, read by the browser with the focusout event. */
    private static final String CURSOR = "element.inputElement.selectionStart";

    private final TextArea target;
    private final Runnable afterInsert;
    /** Where the cursor of the target was when it last lost focus; null: unknown, insert at the end. */
    private Integer cursor;
    private FormattedText formatted;

    public HashtagPicker(TextArea target, Runnable afterInsert) {
        this.target = target;
        this.afterInsert = afterInsert;
        setLabel(getTranslation("templates.hashtag"));
        setItems(Hashtag.all());
        setItemLabelGenerator(Hashtag::tag);
        setPlaceholder(getTranslation("templates.hashtag.placeholder"));
        addClassName("hashtag-picker");
        addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                insert(e.getValue());
                clear();
            }
        });
        target.getElement().addEventListener("focusout", e -> {
                    var position = e.getEventData().get(CURSOR);
                    if (position != null && position.isNumber()) {
                        cursorAt(position.asInt());
                    }
                })
                .addEventData(CURSOR);
    }

    /** The cursor of the text area is at this position (characters from the start). */
    public void cursorAt(int position) {
        cursor = position;
    }

    /** Hashtags go into this formatted view of the text area while it is the one shown. */
    public void alsoInto(FormattedText view) {
        formatted = view;
    }

    /** Writes the hashtag at the cursor (else at the end) and puts the cursor after it. */
    public void insert(Hashtag h) {
        if (formatted != null && formatted.isVisible()) {
            formatted.insertText(h.tag() + " ");
            return;
        }
        String text = target.getValue();
        int at = cursor == null ? text.length() : Math.clamp(cursor, 0, text.length());
        String before = text.substring(0, at);
        String tag = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1)) ? h.tag() : " " + h.tag();
        target.setValue(before + tag + text.substring(at));
        cursor = cursor == null ? null : at + tag.length();
        afterInsert.run();
    }
}
