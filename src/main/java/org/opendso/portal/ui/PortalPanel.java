package org.opendso.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.item.ItemFilter;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.portal.Documents;
import org.opendso.portal.IssuedPortalLink;
import org.opendso.portal.ItemDocument;
import org.opendso.portal.PortalLink;
import org.opendso.portal.PortalLinks;
import org.opendso.portal.Submission;
import org.opendso.portal.SubmissionState;
import org.opendso.portal.Submissions;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.opendso.status.Statuses;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.opendso.ui.UploadTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The customer sheet's Portal tab: the account's portal links (create for a contact, copy, revoke), what its
 * customers sent from the portal (validate or reject; a new one appears at once, with a toast) and the invoice PDFs
 * the portal offers (upload). Follows the account's events while shown.
 */
class PortalPanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(PortalPanel.class);
    private static final Set<EventType> SUBMISSION_EVENTS = Set.of(EventType.CUSTOMER_COMMENT_RECEIVED,
            EventType.CUSTOMER_COMMENT_VALIDATED, EventType.CUSTOMER_COMMENT_REJECTED);

    private final PortalLinks links;
    private final Submissions submissions;
    private final Documents documents;
    private final Contacts contacts;
    private final OpenItems items;
    private final Statuses statuses;
    private final EventStreams streams;
    private final Staff staff;
    private final Customer customer;
    private Disposable live;

    final ComboBox<Contact> contact = new ComboBox<>();
    final Button create = new Button();
    final TextField created = new TextField();
    final Grid<PortalLink> linkGrid = new Grid<>();
    final Div submissionList = new Div();
    final Grid<ItemDocument> documentGrid = new Grid<>();
    final ComboBox<OpenItem> documentItem = new ComboBox<>();

    PortalPanel(PortalLinks links, Submissions submissions, Documents documents, Contacts contacts, OpenItems items,
                Statuses statuses, EventStreams streams, Staff staff, Customer customer) {
        this.links = links;
        this.submissions = submissions;
        this.documents = documents;
        this.contacts = contacts;
        this.items = items;
        this.statuses = statuses;
        this.streams = streams;
        this.staff = staff;
        this.customer = customer;
        addClassName("portal-panel");
        setPadding(false);
        setWidthFull();
        add(new H4(getTranslation("portal.panel.messages")), submissionList,
                new H4(getTranslation("portal.panel.links")), linksSection(),
                new H4(getTranslation("portal.panel.documents")), documentsSection());
        submissionList.addClassName("portal-submissions");
        submissionList.setWidthFull();
        showSubmissions(read(submissions.of(staff, customer.id()).collectList()));
        linkGrid.setItems(read(links.of(staff, customer.id()).collectList()));
        documentGrid.setItems(read(documents.of(staff, customer.id()).collectList()));
    }

    private static <T> T read(Mono<T> mono) {
        return mono.block(); // allowed-blocking: Vaadin request thread
    }

    // --- links ----------------------------------------------------------------------------------------------

    private VerticalLayout linksSection() {
        contact.setId("portal-link-contact");
        contact.setLabel(getTranslation("portal.panel.contact"));
        contact.setItems(read(contacts.of(staff, customer.id()).collectList()));
        contact.setItemLabelGenerator(c -> c.email() == null || c.email().isBlank() ? c.name()
                : c.name() + " <" + c.email() + ">");
        contact.setClearButtonVisible(true);
        contact.setPlaceholder(getTranslation("portal.panel.contact.none"));
        contact.setWidth("22em");
        create.setId("portal-link-create");
        create.setText(getTranslation("portal.panel.create"));
        create.setIcon(new Icon(VaadinIcon.LINK));
        create.addClickListener(e -> createLink());
        created.setId("portal-link-url");
        created.setReadOnly(true);
        created.setWidthFull();
        created.setVisible(false);
        created.setLabel(getTranslation("portal.panel.url"));
        Button copy = new Button(new Icon(VaadinIcon.COPY), e -> created.getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", created.getValue())
                .then(ok -> Toasts.success(getTranslation("portal.panel.copied"))));
        copy.getElement().setAttribute("aria-label", getTranslation("portal.panel.copy"));
        created.setSuffixComponent(copy);
        HorizontalLayout form = new HorizontalLayout(contact, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        linkGrid.setId("portal-links");
        linkGrid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        linkGrid.setAllRowsVisible(true);
        Locale locale = getLocale();
        linkGrid.addColumn(l -> l.contactName() != null ? l.contactName()
                        : l.contactEmail() != null ? l.contactEmail() : getTranslation("portal.panel.account"))
                .setHeader(getTranslation("portal.panel.col.contact")).setFlexGrow(2);
        linkGrid.addColumn(l -> when(l.createdAt(), locale) + (l.createdBy() == null ? "" : " · " + l.createdBy()))
                .setHeader(getTranslation("portal.panel.col.created")).setFlexGrow(2);
        linkGrid.addColumn(l -> when(l.expiresAt(), locale)).setHeader(getTranslation("portal.panel.col.expires"));
        linkGrid.addColumn(l -> l.lastUsedAt() == null ? "" : when(l.lastUsedAt(), locale))
                .setHeader(getTranslation("portal.panel.col.used"));
        linkGrid.addComponentColumn(l -> {
            PortalLink.State state = l.state(Instant.now());
            return new Tag(getTranslation("portal.link.state." + state.name()),
                    state == PortalLink.State.ACTIVE ? "success" : "contrast");
        }).setHeader(getTranslation("portal.panel.col.state"));
        linkGrid.addComponentColumn(l -> {
            if (l.state(Instant.now()) != PortalLink.State.ACTIVE) {
                return new Span();
            }
            Button revoke = new Button(getTranslation("portal.panel.revoke"), e -> revoke(l));
            revoke.addClassName("portal-link-revoke");
            revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            return revoke;
        });
        VerticalLayout section = new VerticalLayout(new Paragraph(getTranslation("portal.panel.links.hint")), form,
                created, linkGrid);
        section.setPadding(false);
        return section;
    }

    IssuedPortalLink createLink() {
        try {
            IssuedPortalLink issued = read(links.create(staff, customer.id(),
                    contact.getValue() == null ? null : contact.getValue().id()));
            created.setValue(issued.url());
            created.setVisible(true);
            Toasts.success(getTranslation("portal.panel.created"));
            return issued;
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return null;
        }
    }

    void revoke(PortalLink link) {
        try {
            read(links.revoke(staff, customer.id(), link.id()));
            reloadLinks();
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    private void reloadLinks() {
        linkGrid.setItems(read(links.of(staff, customer.id()).collectList()));
    }

    // --- submissions ----------------------------------------------------------------------------------------

    void showSubmissions(List<Submission> list) {
        submissionList.removeAll();
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("portal.panel.messages.none"));
            none.addClassName("portal-submissions-none");
            submissionList.add(none);
            return;
        }
        Locale locale = getLocale();
        for (Submission s : list) {
            Div card = new Div();
            card.addClassName("portal-submission");
            card.addClassName("state-" + s.state().name());
            card.setId("portal-submission-" + s.id());
            String numbers = String.join(", ", s.items().stream().map(OpenItem.Key::number).toList());
            String what = s.promisedDate() == null
                    ? getTranslation("portal.panel.kind." + s.kind().name(), numbers)
                    : getTranslation("portal.panel.kind." + s.kind().name(), numbers, Money.date(s.promisedDate(), locale));
            Span title = new Span(what);
            title.addClassName("portal-submission-what");
            Span meta = new Span((s.contactName() == null ? customer.name() : s.contactName()) + " · "
                    + when(s.createdAt(), locale));
            meta.addClassName("portal-submission-meta");
            Tag state = new Tag(getTranslation("portal.state." + s.state().name()), switch (s.state()) {
                case PENDING -> "contrast";
                case VALIDATED -> "success";
                case REJECTED -> "error";
            });
            Div top = new Div(title, state, meta);
            top.addClassName("portal-submission-top");
            card.add(top);
            if (!s.comment().isBlank()) {
                // the customer's words as text: whatever markup they typed stays visible characters
                Paragraph text = new Paragraph(s.comment());
                text.addClassName("portal-submission-text");
                card.add(text);
            }
            if (s.state() == SubmissionState.PENDING) {
                Button validate = new Button(getTranslation("portal.panel.validate"), e -> decide(s, true));
                validate.addClassName("portal-submission-validate");
                validate.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
                Button reject = new Button(getTranslation("portal.panel.reject"), e -> decide(s, false));
                reject.addClassName("portal-submission-reject");
                reject.addThemeVariants(ButtonVariant.SMALL);
                card.add(new Div(validate, reject));
            } else if (s.answer() != null && !s.answer().isBlank() || s.decidedBy() != null) {
                Paragraph decided = new Paragraph(getTranslation("portal.panel.decided",
                        s.decidedBy() == null ? "" : s.decidedBy(), s.answer() == null ? "" : s.answer()));
                decided.addClassName("portal-submission-decided");
                card.add(decided);
            }
            submissionList.add(card);
        }
    }

    private void decide(Submission s, boolean validate) {
        new DecisionDialog(submissions, statuses, staff, s, validate, decided -> reloadSubmissions()).open();
    }

    void reloadSubmissions() {
        showSubmissions(read(submissions.of(staff, customer.id()).collectList()));
    }

    // --- documents ------------------------------------------------------------------------------------------

    private VerticalLayout documentsSection() {
        documentGrid.setId("portal-documents");
        documentGrid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        documentGrid.setAllRowsVisible(true);
        Locale locale = getLocale();
        documentGrid.addColumn(ItemDocument::number).setHeader(getTranslation("portal.col.number"));
        documentGrid.addComponentColumn(d -> {
            long itemId = d.itemId();
            Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
                ItemDocument full = documents.content(staff, customer.id(), itemId)
                        .block(); // allowed-blocking: Vaadin request thread (a download request)
                return full == null ? DownloadResponse.error(404) : new DownloadResponse(
                        new ByteArrayInputStream(full.content()), full.fileName(), "application/pdf", full.content().length);
            }), d.fileName());
            return a;
        }).setHeader(getTranslation("portal.panel.col.file")).setFlexGrow(2);
        documentGrid.addColumn(d -> (d.size() + 1023) / 1024 + " KB").setHeader(getTranslation("portal.panel.col.size"));
        documentGrid.addColumn(d -> when(d.uploadedAt(), locale) + (d.uploadedBy() == null ? "" : " · " + d.uploadedBy()))
                .setHeader(getTranslation("portal.panel.col.uploaded")).setFlexGrow(2);

        documentItem.setId("portal-document-item");
        documentItem.setLabel(getTranslation("portal.panel.document.item"));
        documentItem.setItems(read(items.ofCustomer(staff.tenantId(), customer.id(), ItemFilter.OPEN)
                .filter(i -> i.type() != ItemType.UNALLOCATED_PAYMENT).collectList()));
        documentItem.setItemLabelGenerator(OpenItem::number);
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            OpenItem item = documentItem.getValue();
            if (item == null) {
                Toasts.error(getTranslation("portal.panel.document.choose"));
                return;
            }
            try {
                read(documents.attach(staff, customer.id(), item.type(), item.number(), meta.fileName(), bytes));
                Toasts.success(getTranslation("portal.panel.document.attached", item.number()));
                documentGrid.setItems(read(documents.of(staff, customer.id()).collectList()));
            } catch (RuntimeException e) {
                Toasts.failure(e);
            }
        }));
        upload.setId("portal-document-upload");
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(Documents.MAX_BYTES);
        UploadTexts.apply(upload);
        upload.addFileRejectedListener(e -> Toasts.error(getTranslation("portal.panel.document.rejected")));
        HorizontalLayout form = new HorizontalLayout(documentItem, upload);
        form.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout section = new VerticalLayout(form, documentGrid);
        section.setPadding(false);
        return section;
    }

    private static String when(Instant at, Locale locale) {
        return at == null ? "" : Money.dateTime(at.atZone(ZoneId.systemDefault()), locale);
    }

    // --- live -----------------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        if (live != null) {
            return;
        }
        // the tab may have been hidden (detached) while things changed: read again, then follow from now
        later(ui, submissions.of(staff, customer.id()).collectList(), this::showSubmissions);
        later(ui, links.of(staff, customer.id()).collectList(), linkGrid::setItems);
        later(ui, documents.of(staff, customer.id()).collectList(), documentGrid::setItems);
        live = streams.head(staff.tenantId(), customer.id())
                .flatMapMany(head -> streams.account(staff.tenantId(), customer.id(), head))
                .subscribe(event -> apply(ui, event),
                        error -> log.warn("Live updates of the portal tab of {} stopped", customer.account(), error));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        super.onDetach(detachEvent);
    }

    /** Reads what changed without blocking (a Reactor thread), then shows it on the UI thread. */
    private void apply(UI ui, AccountEvent event) {
        if (SUBMISSION_EVENTS.contains(event.type())) {
            later(ui, submissions.of(staff, customer.id()).collectList(), list -> {
                showSubmissions(list);
                if (event.type() == EventType.CUSTOMER_COMMENT_RECEIVED) {
                    Notification n = Notification.show(getTranslation("portal.panel.received", event.actorName()),
                            5000, Notification.Position.TOP_END);
                    n.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
                    n.addClassName("portal-received");
                }
            });
        } else if (event.type() == EventType.PORTAL_LINK_CREATED || event.type() == EventType.PORTAL_LINK_REVOKED) {
            later(ui, links.of(staff, customer.id()).collectList(), linkGrid::setItems);
        } else if (event.type() == EventType.DOCUMENT_ATTACHED) {
            later(ui, documents.of(staff, customer.id()).collectList(), documentGrid::setItems);
        }
    }

    private <T> void later(UI ui, Mono<T> read, Consumer<T> show) {
        read.subscribe(value -> {
            try {
                ui.access(() -> show.accept(value));
            } catch (UIDetachedException gone) {
                // the sheet was closed
            }
        }, error -> log.warn("Could not refresh the portal tab of {}", customer.account(), error));
    }
}
