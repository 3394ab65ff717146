package org.opendso.template;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The hashtags a template may use, each replaced by a value of the account, the company or the sender. */
public enum Hashtag {
    CUSTOMER_NAME("CustomerName", false),
    CUSTOMER_ACCOUNT("CustomerAccount", false),
    CONTACT_NAME("ContactName", false),
    BALANCE("Balance", false),
    OVERDUE_AMOUNT("OverdueAmount", false),
    OLDEST_DUE_DATE("OldestDueDate", false),
    PENALTY_AMOUNT("PenaltyAmount", false),
    INDEMNITY_AMOUNT("IndemnityAmount", false),
    OPEN_ITEMS_TABLE("OpenItemsTable", true),
    OVERDUE_ITEMS_TABLE("OverdueItemsTable", true),
    COMPANY_NAME("CompanyName", false),
    COMPANY_ADDRESS("CompanyAddress", false),
    COMPANY_LOGO("CompanyLogo", true),
    COLLECTOR_NAME("CollectorName", false),
    COLLECTOR_EMAIL("CollectorEmail", false),
    PORTAL_LINK("PortalLink", false),
    TODAY("Today", false);

    private static final Map<String, Hashtag> BY_WORD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Hashtag::word, Function.identity()));

    private final String word;
    private final boolean htmlOnly;

    Hashtag(String word, boolean htmlOnly) {
        this.word = word;
        this.htmlOnly = htmlOnly;
    }

    /** The word after the {@code #}, e.g. {@code CustomerName}. */
    public String word() {
        return word;
    }

    /** As written in a template, e.g. {@code #CustomerName}. */
    public String tag() {
        return "#" + word;
    }

    /** A table or an image: HTML, so it has no place in a subject (a mail subject is plain text). */
    public boolean htmlOnly() {
        return htmlOnly;
    }

    /** The hashtag with exactly this word (case matters: {@code #customername} is a misspelling), or null. */
    public static Hashtag of(String word) {
        return BY_WORD.get(word);
    }

    public static List<Hashtag> all() {
        return List.of(values());
    }
}
