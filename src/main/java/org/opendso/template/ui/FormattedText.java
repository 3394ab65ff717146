package org.opendso.template.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A formatted (rich-text) view of an HTML text area: a toolbar (bold, italic, underline, lists, link, clear
 * formatting) over an editable area, both ways in step with the text area, which stays the value and the HTML view.
 * Vaadin's RichTextEditor needs a commercial licence and the frontend takes no npm packages, so this is the
 * browser's own editing ({@code contenteditable}, {@code execCommand}) driven from the server. What the browser
 * sends back is cleaned to a safe list of tags (no script, no event attribute) before it becomes the template.
 */
public class FormattedText extends Composite<VerticalLayout> {

    /** Tags a letter or an email needs; inline styles stay (templates carry them), scripts and handlers do not. */
    static final Safelist SAFE = Safelist.relaxed()
            .addTags("span", "hr", "font")
            .addAttributes(":all", "style", "align")
            .addProtocols("img", "src", "data");

    /** Remembers the selection as the user leaves the area, and puts it back before a command or an insertion. */
    private static final String KEEP_SELECTION = """
            const area = $0;
            const keep = () => { const s = getSelection(); if (s.rangeCount && area.contains(s.anchorNode)) {
                area.__range = s.getRangeAt(0).cloneRange(); } };
            area.addEventListener('keyup', keep); area.addEventListener('mouseup', keep);
            area.addEventListener('blur', keep);
            area.__restore = () => { area.focus(); if (area.__range) { const s = getSelection();
                s.removeAllRanges(); s.addRange(area.__range); } };""";

    private final TextArea source;
    final Div area = new Div();
    /** The last HTML this side sent: the text area's echo of it is not written back (the caret would jump). */
    private String sent;

    public FormattedText(TextArea source) {
        this.source = source;
        area.addClassName("formatted-text");
        area.getElement().setAttribute("contenteditable", "true");
        area.getElement().setAttribute("role", "textbox");
        area.getElement().setAttribute("aria-multiline", "true");
        area.getElement().addEventListener("input", e -> edited(e.getEventData().get("element.innerHTML").asString()))
                .addEventData("element.innerHTML")
                .debounce(300);
        area.getElement().executeJs(KEEP_SELECTION, area.getElement());
        source.addValueChangeListener(e -> {
            if (!e.getValue().equals(sent)) {
                show(e.getValue());
            }
        });
        show(source.getValue());

        HorizontalLayout toolbar = new HorizontalLayout(
                command(VaadinIcon.BOLD, "templates.format.bold", "bold"),
                command(VaadinIcon.ITALIC, "templates.format.italic", "italic"),
                command(VaadinIcon.UNDERLINE, "templates.format.underline", "underline"),
                command(VaadinIcon.LIST_UL, "templates.format.bullets", "insertUnorderedList"),
                command(VaadinIcon.LIST_OL, "templates.format.numbers", "insertOrderedList"),
                link(),
                command(VaadinIcon.ERASER, "templates.format.clear", "removeFormat"));
        toolbar.setSpacing(false);
        toolbar.addClassName("formatted-toolbar");
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(toolbar, area);
    }

    /** Writes text (a hashtag) where the caret was in the area, as typed; the input event brings the HTML back. */
    public void insertText(String text) {
        area.getElement().executeJs("this.__restore && this.__restore(); document.execCommand('insertText', false, $0)",
                text);
    }

    /** What the browser sent, cleaned, becomes the text area's value (and so the template's body). */
    void edited(String html) {
        String clean = clean(html);
        sent = clean;
        source.setValue(clean);
    }

    static String clean(String html) {
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html == null ? "" : html, "", SAFE, out);
    }

    private void show(String html) {
        sent = null;
        area.getElement().setProperty("innerHTML", html == null ? "" : html);
    }

    private Button command(VaadinIcon icon, String label, String command) {
        Button b = new Button(new Icon(icon), e -> area.getElement().executeJs(
                "this.__restore && this.__restore(); document.execCommand($0, false, null)", command));
        b.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        b.setAriaLabel(getTranslation(label));
        b.setTooltipText(getTranslation(label));
        return b;
    }

    private Button link() {
        Button b = new Button(new Icon(VaadinIcon.LINK), e -> area.getElement().executeJs("""
                const url = prompt($0, 'https://');
                if (url && /^(https?:|mailto:)/i.test(url)) {
                    this.__restore && this.__restore(); document.execCommand('createLink', false, url); }""",
                getTranslation("templates.format.link.prompt")));
        b.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        b.setAriaLabel(getTranslation("templates.format.link"));
        b.setTooltipText(getTranslation("templates.format.link"));
        return b;
    }
}
