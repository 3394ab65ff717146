package org.opendso.qualification.ui;

import java.util.List;
import java.util.function.Consumer;
import org.opendso.action.Resolver;
import org.opendso.action.SpecificActions;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.item.OpenItem;
import org.opendso.qualification.ConfirmationMails;
import org.opendso.qualification.QualificationResult;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.AccountEvent;
import org.opendso.security.Staff;
import org.opendso.status.Statuses;
import org.opendso.tenant.Companies;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opens the qualification and comment dialogs with what they need (statuses, contacts, colleagues, the company's
 * language for the confirmation mail), so a view only needs this one bean. Call on a Vaadin request thread.
 */
@Component
public class QualificationDialogs {

    private final Qualifications qualifications;
    private final ConfirmationMails mails;
    private final Statuses statuses;
    private final Contacts contacts;
    private final Users users;
    private final Companies companies;
    private final SpecificActions actions;

    QualificationDialogs(Qualifications qualifications, ConfirmationMails mails, Statuses statuses, Contacts contacts,
                         Users users, Companies companies, SpecificActions actions) {
        this.actions = actions;
        this.qualifications = qualifications;
        this.mails = mails;
        this.statuses = statuses;
        this.contacts = contacts;
        this.users = users;
        this.companies = companies;
    }

    /**
     * Opens the dialog for the items as the user sees them (their versions are what the qualification is checked
     * against). {@code onChangedMeanwhile} receives the current state of items someone else changed.
     */
    public QualificationDialog qualify(Staff staff, Customer customer, List<OpenItem> items,
                                       Consumer<QualificationResult> onSaved, Consumer<List<OpenItem>> onChangedMeanwhile) {
        var context = Mono.zip(
                        statuses.all(staff.tenantId()).collectList(),
                        contacts.of(staff, customer.id()).collectList(),
                        users.of(staff).filter(StaffUser::enabled).collectList(),
                        companies.settings(staff.tenantId()),
                        actions.resolvers(staff, customer.id()).map(Resolver::id).collect(java.util.stream.Collectors.toSet()))
                .block(); // allowed-blocking: Vaadin request thread
        // step 3 offers only who may resolve an action on this account (a sales manager or collector assigned to it)
        List<StaffUser> resolvers = context.getT3().stream().filter(u -> context.getT5().contains(u.id())).toList();
        QualificationDialog dialog = new QualificationDialog(qualifications, mails, staff, customer, context.getT4(),
                context.getT1(), context.getT2(), context.getT3(), resolvers, items, onSaved, onChangedMeanwhile);
        dialog.open();
        return dialog;
    }

    public CommentDialog comment(Staff staff, Customer customer, List<OpenItem> items, Consumer<AccountEvent> onSaved) {
        CommentDialog dialog = new CommentDialog(qualifications, staff, customer, items, onSaved);
        dialog.open();
        return dialog;
    }
}
