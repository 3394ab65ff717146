package org.opendso.tenant;

/** The company logo as uploaded. */
public record Logo(byte[] bytes, String contentType) {
}
