package org.opendso.mail.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.opendso.mail.LoggedMail;
import org.opendso.mail.MailContent;
import org.opendso.mail.MailLog;
import org.opendso.mail.MailState;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriUtils;
import reactor.core.Disposable;

/**
 * The mail log: every mail the staff member may see, newest first, with its state; a click shows the mail as
 * it was sent. Without an SMTP server this is where mails are read. The list follows the outbox live: a mail
 * queued, sent or failed on any instance reloads it.
 */
@Route("mail")
@Menu(title = "menu.mail", order = 55, icon = "vaadin:envelopes")
@PermitAll
public class MailLogView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(MailLogView.class);
    private static final Set<EventType> MAIL_EVENTS = EnumSet.of(EventType.MAIL_QUEUED, EventType.MAIL_SENT,
            EventType.MAIL_FAILED);
    /** Many mails at once (a batch of reminders) reload the page a few times, not once per mail. */
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofMillis(250);

    private final MailLog mails;
    private final EventStreams streams;
    private final Staff staff;

    final Select<MailState> state = new Select<>();
    final Grid<LoggedMail> grid = new Grid<>(LoggedMail.class, false);
    final Paragraph keptNotice = new Paragraph();
    private Disposable live;

    MailLogView(MailLog mails, EventStreams streams) {
        this.mails = mails;
        this.streams = streams;
        this.staff = CurrentStaff.require();
        addClassName("mail-log-view");
        setSizeFull();

        state.setLabel(getTranslation("maillog.state"));
        state.setItems(MailState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("maillog.state.all"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("maillog.state.all")
                : getTranslation("maillog.state." + s.name()));
        state.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        keptNotice.setText(getTranslation("maillog.kept-notice"));
        keptNotice.addClassName("mail-kept-notice");
        keptNotice.setVisible(!mails.sending());
        HorizontalLayout toolbar = new HorizontalLayout(state, keptNotice);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);

        configureGrid();
        add(toolbar, grid);
        expand(grid);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addColumn(m -> Money.dateTime(m.createdAt(), getLocale())).setHeader(getTranslation("maillog.date"))
                .setKey("date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoggedMail::recipientLine).setHeader(getTranslation("maillog.to")).setKey("to")
                .setWidth("14rem").setFlexGrow(1).setTooltipGenerator(LoggedMail::recipientLine);
        grid.addColumn(LoggedMail::subject).setHeader(getTranslation("maillog.subject")).setKey("subject")
                .setWidth("16rem").setFlexGrow(2).setTooltipGenerator(LoggedMail::subject);
        grid.addComponentColumn(this::accountLink).setHeader(getTranslation("maillog.account")).setKey("account")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> stateTag(m.state())).setHeader(getTranslation("maillog.state"))
                .setKey("state").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoggedMail::attempts).setHeader(getTranslation("maillog.attempts")).setKey("attempts")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader(getTranslation("maillog.error"))
                .setKey("error").setWidth("12rem").setFlexGrow(1).setTooltipGenerator(LoggedMail::lastError);
        grid.setItems(q -> mails.list(staff, state.getValue(), q.getPage(), q.getPageSize())
                        .toStream(), // allowed-blocking: Vaadin request thread
                q -> mails.count(staff, state.getValue()).map(Long::intValue)
                        .block()); // allowed-blocking: Vaadin request thread
        grid.setEmptyStateText(getTranslation("maillog.none"));
        grid.addItemClickListener(e -> open(e.getItem()));
    }

    private Component accountLink(LoggedMail m) {
        if (m.account() == null) {
            return new Span();
        }
        Anchor link = new Anchor("customers/" + UriUtils.encodePathSegment(m.account(), "UTF-8"), m.account());
        link.setTitle(m.customerName());
        return link;
    }

    Tag stateTag(MailState s) {
        String tone = switch (s) {
            case PENDING -> "primary";
            case SENT -> "success";
            case FAILED -> "error";
            case KEPT -> "neutral";
        };
        return new Tag(getTranslation("maillog.state." + s.name()), tone);
    }

    /** Opens the mail; null when it is no longer visible (it was just now, so this is rare). */
    MailDialog open(LoggedMail row) {
        MailContent content;
        try {
            content = mails.find(staff, row.id()).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return null;
        }
        if (content == null) {
            grid.getDataProvider().refreshAll();
            return null;
        }
        boolean mayRetry = staff.isAdmin() && mails.sending() && content.mail().canRetry();
        MailDialog dialog = new MailDialog(content, this::stateTag, mayRetry ? this::retry : null);
        dialog.open();
        return dialog;
    }

    private boolean retry(LoggedMail mail) {
        try {
            mails.retry(staff, mail.id()).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return false;
        }
        Toasts.success(getTranslation("maillog.retried", mail.recipient()));
        grid.getDataProvider().refreshAll();
        return true;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        long tenant = staff.tenantId();
        // only a signal to reload: what the staff member may see is decided by the mail log itself
        live = streams.tenantHead(tenant)
                .flatMapMany(head -> streams.tenant(tenant, head, e -> MAIL_EVENTS.contains(e.type())))
                .sample(RELOAD_AT_MOST_EVERY)
                .subscribe(e -> ui.access(() -> grid.getDataProvider().refreshAll()),
                        error -> log.warn("Mail log stopped following the outbox", error));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("maillog.title");
    }
}
