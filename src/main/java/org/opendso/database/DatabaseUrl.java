package org.opendso.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One PostgreSQL address, {@code postgresql://user:password@host:port/database}, from which both the
 * R2DBC connection (the application) and the JDBC connection (Flyway) are derived.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

    public static DatabaseUrl parse(String url) {
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            text = text.substring(5);
        }
        if (text.startsWith("postgres://")) {
            text = "postgresql://" + text.substring("postgres://".length());
        }
        if (!text.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "OPENDSO_DB_URL must look like postgresql://user:password@host:port/database, got: " + url);
        }
        URI uri = URI.create(text);
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "postgres" : path;
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        return new DatabaseUrl(host, port, database, user, password);
    }

    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(host, port, otherDatabase, user, password);
    }

    public String r2dbc() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String jdbc() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form again, with the password (for handing to another process or property). */
    public String toUrlWithPassword() {
        String credentials = password.isEmpty() ? encode(user) : encode(user) + ":" + encode(password);
        return "postgresql://" + credentials + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
