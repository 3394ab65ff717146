package org.opendso.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A portal token: 256 random bits, URL-safe base64 without padding (43 characters) in the link. Only its SHA-256 is
 * stored, so a copy of the database opens no portal; a token is looked up by its hash.
 */
final class PortalToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** What a token looks like; anything else is refused before any lookup. */
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private PortalToken() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The first characters, enough to tell attempts apart in a log or a rate limit, useless to open a portal. */
    static String prefix(String token) {
        if (token == null || token.isEmpty()) {
            return "-";
        }
        String safe = token.replaceAll("[^A-Za-z0-9_-]", "?");
        return safe.substring(0, Math.min(6, safe.length()));
    }
}
