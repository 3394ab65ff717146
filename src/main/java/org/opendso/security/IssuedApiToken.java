package org.opendso.security;

/** A token just created: the secret is shown this once and only its hash is kept. */
public record IssuedApiToken(long id, String name, String secret) {
}
