package org.opendso.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.opendso.portal.InvalidPortalLink;
import org.opendso.portal.ItemDocument;
import org.opendso.portal.Portal;
import org.opendso.portal.PortalItem;
import org.opendso.portal.PortalMessage;
import org.opendso.portal.PortalPage;
import org.opendso.portal.TooManyAttempts;
import org.opendso.tenant.Logo;
import org.opendso.ui.Money;
import org.opendso.ui.UiLocale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The page a customer opens from the link in an email: no staff login and none of the staff layout, only the
 * company's logo and name, the account's statement (with a customer-friendly status and the invoice PDF when there
 * is one), a reply on each invoice (comment, promise to pay, dispute) and the customer's messages with their answers,
 * updated live. Everything is read through the token (re-checked on each read and click), never by ids the browser
 * sends; texts are components' text, so whatever anyone typed is shown as text. Decision 0018.
 */
@Route(value = "portal/:token", autoLayout = false)
@AnonymousAllowed
public class PortalView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(PortalView.class);

    private final Portal portal;
    private String token = "";
    private String client = "-";
    private PortalPage page;
    private boolean languageChosen;
    private Disposable live;

    final Div statement = new Div();
    final Div messages = new Div();

    PortalView(Portal portal) {
        this.portal = portal;
        addClassName("portal");
        setId("portal");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        VaadinRequest request = VaadinRequest.getCurrent();
        client = request == null ? "-" : request.getRemoteAddr();
        reload();
    }

    @Override
    public String getPageTitle() {
        return page == null ? getTranslation("portal.invalid.title") : getTranslation("portal.title", page.companyName());
    }

    /** Reads the page again through the token and shows it (or the "no longer valid" page). */
    void reload() {
        try {
            show(portal.page(token, client).block()); // allowed-blocking: Vaadin request thread
        } catch (InvalidPortalLink | TooManyAttempts e) {
            invalid(e instanceof TooManyAttempts);
        }
    }

    PortalPage page() {
        return page;
    }

    private void show(PortalPage p) {
        boolean first = page == null;
        page = p;
        if (!languageChosen) {
            UI.getCurrent().setLocale(UiLocale.of(p.language()));
        }
        removeAll();
        add(header(), intro(), new H2(getTranslation("portal.statement")), statement,
                new H2(getTranslation("portal.messages")), messages);
        showStatement();
        showMessages();
        if (first) {
            subscribe();
        }
    }

    /** The same plain page whatever was wrong with the link: no company, account or hint of why. */
    private void invalid(boolean tooMany) {
        page = null;
        unsubscribe();
        removeAll();
        Div box = new Div();
        box.setId("portal-invalid");
        box.addClassName("portal-invalid");
        box.add(new H1(getTranslation(tooMany ? "portal.toomany.title" : "portal.invalid.title")),
                new Paragraph(getTranslation(tooMany ? "portal.toomany.text" : "portal.invalid.text")));
        add(box);
    }

    private Div header() {
        Div header = new Div();
        header.addClassName("portal-header");
        if (page.hasLogo()) {
            Image logo = new Image(DownloadHandler.fromInputStream(event -> {
                Logo l = portal.logo(token, client).onErrorResume(e -> Mono.empty())
                        .block(); // allowed-blocking: Vaadin request thread (a download request)
                if (l == null) {
                    return DownloadResponse.error(404);
                }
                return new DownloadResponse(new ByteArrayInputStream(l.bytes()), "logo", l.contentType(), l.bytes().length);
            }).inline(), page.companyName());
            logo.addClassName("portal-logo");
            header.add(logo);
        }
        Span company = new Span(page.companyName());
        company.addClassName("portal-company");
        Button en = new Button("English", e -> language(UiLocale.ENGLISH));
        en.setId("portal-lang-en");
        Button fr = new Button("Français", e -> language(UiLocale.FRENCH));
        fr.setId("portal-lang-fr");
        for (Button b : new Button[] {en, fr}) {
            b.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        }
        Div languages = new Div(en, fr);
        languages.addClassName("portal-languages");
        header.add(company, languages);
        return header;
    }

    private Div intro() {
        Div intro = new Div();
        intro.addClassName("portal-intro");
        H1 title = new H1(getTranslation("portal.heading", page.customerName(), page.account()));
        intro.add(title);
        if (page.collectorName() != null) {
            intro.add(new Paragraph(getTranslation("portal.contact", page.collectorName(), page.companyName())));
        }
        intro.add(new Paragraph(getTranslation("portal.intro")));
        return intro;
    }

    private void language(Locale locale) {
        languageChosen = true;
        UI.getCurrent().setLocale(locale);
        reload();
    }

    private void showStatement() {
        statement.removeAll();
        statement.setId("portal-statement");
        if (page.items().isEmpty()) {
            statement.add(new Paragraph(getTranslation("portal.statement.empty")));
            return;
        }
        Locale locale = getLocale();
        NativeTable table = new NativeTable();
        table.addClassName("portal-table");
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow headRow = new NativeTableRow();
        for (String key : new String[] {"number", "issued", "due", "amount", "open", "status", "document", "reply"}) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(getTranslation("portal.col." + key));
            if (key.equals("amount") || key.equals("open")) {
                cell.addClassName("num");
            }
            headRow.add(cell);
        }
        head.add(headRow);
        NativeTableBody body = new NativeTableBody();
        for (PortalItem item : page.items()) {
            NativeTableRow row = new NativeTableRow();
            row.addClassName("portal-item");
            row.setId("portal-item-" + domId(item.number()));
            row.add(new NativeTableCell(item.number()),
                    new NativeTableCell(item.issueDate() == null ? "" : Money.date(item.issueDate(), locale)),
                    new NativeTableCell(Money.date(item.dueDate(), locale)),
                    num(Money.format(item.amount(), item.currency(), locale)),
                    num(Money.format(item.openAmount(), item.currency(), locale)));
            NativeTableCell status = new NativeTableCell(status(item, locale));
            status.addClassName("portal-status");
            status.addClassName("status-" + item.status().name());
            row.add(status);
            NativeTableCell document = new NativeTableCell();
            if (item.hasDocument()) {
                document.add(download(item));
            }
            row.add(document);
            NativeTableCell reply = new NativeTableCell();
            if (item.type() == org.opendso.item.ItemType.INVOICE) {
                Button respond = new Button(getTranslation("portal.reply"), e -> reply(item));
                respond.setId("portal-reply-" + domId(item.number()));
                respond.addClassName("portal-reply");
                respond.addThemeVariants(ButtonVariant.SMALL);
                reply.add(respond);
            }
            row.add(reply);
            body.add(row);
        }
        table.add(head, body);
        statement.add(table);
    }

    private String status(PortalItem item, Locale locale) {
        return item.statusDate() == null ? getTranslation("portal.status." + item.status().name())
                : getTranslation("portal.status." + item.status().name(), Money.date(item.statusDate(), locale));
    }

    private Anchor download(PortalItem item) {
        long itemId = item.id();
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            // the token is checked again, and the item must be one of the link's account
            ItemDocument d = portal.document(token, client, itemId).onErrorResume(e -> Mono.empty())
                    .block(); // allowed-blocking: Vaadin request thread (a download request)
            if (d == null) {
                return DownloadResponse.error(404);
            }
            return new DownloadResponse(new ByteArrayInputStream(d.content()), d.fileName(), "application/pdf",
                    d.content().length);
        }), getTranslation("portal.document"));
        a.addClassName("portal-document");
        a.setId("portal-document-" + domId(item.number()));
        return a;
    }

    private void reply(PortalItem item) {
        new PortalReplyDialog(portal, token, client, item, sent -> reload()).open();
    }

    private void showMessages() {
        messages.removeAll();
        messages.setId("portal-messages");
        if (page.messages().isEmpty()) {
            messages.add(new Paragraph(getTranslation("portal.messages.none")));
            return;
        }
        Locale locale = getLocale();
        for (PortalMessage m : page.messages()) {
            Div box = new Div();
            box.addClassName("portal-message");
            box.addClassName("state-" + m.state().name());
            box.setId("portal-message-" + m.id());
            String what = m.promisedDate() == null
                    ? getTranslation("portal.kind." + m.kind().name(), String.join(", ", m.items()))
                    : getTranslation("portal.kind." + m.kind().name(), String.join(", ", m.items()),
                            Money.date(m.promisedDate(), locale));
            Span title = new Span(what);
            title.addClassName("portal-message-what");
            Span when = new Span(Money.dateTime(m.createdAt().atZone(java.time.ZoneId.systemDefault()), locale));
            when.addClassName("portal-message-when");
            Span state = new Span(getTranslation("portal.state." + m.state().name()));
            state.addClassName("portal-message-state");
            state.getElement().getThemeList().add("badge " + switch (m.state()) {
                case PENDING -> "contrast";
                case VALIDATED -> "success";
                case REJECTED -> "error";
            });
            Div top = new Div(title, when, state);
            top.addClassName("portal-message-top");
            box.add(top);
            if (!m.comment().isBlank()) {
                Paragraph text = new Paragraph(m.comment());
                text.addClassName("portal-message-text");
                box.add(text);
            }
            if (m.answer() != null && !m.answer().isBlank()) {
                Paragraph answer = new Paragraph(getTranslation("portal.answer", m.answer()));
                answer.addClassName("portal-message-answer");
                box.add(answer);
            }
            messages.add(box);
        }
    }

    private static NativeTableCell num(String text) {
        NativeTableCell cell = new NativeTableCell(text);
        cell.addClassName("num");
        return cell;
    }

    /** An item number as an element id: letters, digits, dashes. */
    static String domId(String number) {
        return number.replaceAll("[^A-Za-z0-9-]", "_");
    }

    // --- live: the account's events that change what this page shows ---------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        subscribe();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe();
        super.onDetach(detachEvent);
    }

    private void subscribe() {
        UI ui = getUI().orElse(null);
        if (ui == null || page == null || live != null) {
            return;
        }
        live = portal.changes(page.access())
                // each change is a signal to read the page again through the token: nothing of the event is shown
                .concatMap(e -> portal.page(token, client).map(java.util.Optional::of)
                        .onErrorResume(InvalidPortalLink.class, gone -> Mono.just(java.util.Optional.empty())), 1)
                .subscribe(read -> access(ui, () -> {
                    if (read.isPresent()) {
                        show(read.get());
                    } else {
                        invalid(false);
                    }
                }), error -> log.warn("Live updates of a portal page stopped: {}", error.toString()));
    }

    private void unsubscribe() {
        if (live != null) {
            live.dispose();
            live = null;
        }
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the page was closed; the subscription ends on detach
        }
    }
}
