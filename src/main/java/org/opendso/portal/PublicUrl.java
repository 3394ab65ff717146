package org.opendso.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address customers reach the application at ({@code opendso.public-url}), which links in emails start with:
 * a mail is read far from the request that caused it, so the URL cannot come from that request.
 */
@Component
public class PublicUrl {

    private final String base;

    PublicUrl(@Value("${opendso.public-url:http://localhost:8080}") String base) {
        String b = base.strip();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** The absolute URL of a path of the application, e.g. {@code /portal/abc}. */
    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
