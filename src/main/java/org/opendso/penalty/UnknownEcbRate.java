package org.opendso.penalty;

import java.time.LocalDate;

/** The company has recorded no ECB rate of its own on that date (a published rate is not the company's to delete). */
public class UnknownEcbRate extends IllegalArgumentException {

    private final transient LocalDate date;

    public UnknownEcbRate(LocalDate date, boolean published) {
        super(published
                ? "The ECB rate of " + date + " is the published one; record your own rate for that date instead of deleting it"
                : "Your company has recorded no ECB rate on " + date);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
