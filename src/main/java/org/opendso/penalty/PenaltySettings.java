package org.opendso.penalty;

/** A company's penalty terms as stored, with the tenant row's version (the company settings share it). */
public record PenaltySettings(PenaltyTerms terms, long version) {
}
