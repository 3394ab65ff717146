package org.opendso;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.opendso.database.DatabaseUrl;

/**
 * Gives each test run (each JVM of surefire/failsafe) a database of its own on the PostgreSQL server named
 * by {@code opendso.test.db.url} (default the local server), and points the application at it through
 * {@code opendso.db.url}. Databases of runs older than a day are dropped, never those of runs going on.
 */
public class FreshDatabase implements LauncherSessionListener {

    private static final String PREFIX = "opendso_test_";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("opendso.db.url") != null) {
            return;
        }
        DatabaseUrl server = DatabaseUrl.parse(System.getProperty("opendso.test.db.url",
                System.getenv().getOrDefault("OPENDSO_TEST_DB_URL", "postgresql://postgres@127.0.0.1:5432/postgres")));
        long now = System.currentTimeMillis() / 1000;
        String name = PREFIX + now + "_" + ProcessHandle.current().pid();
        try (Connection c = connect(server); Statement st = c.createStatement()) {
            dropOld(st, now - 86_400);
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + server
                    + " (set -Dopendso.test.db.url=postgresql://user:password@host:port/postgres): " + e.getMessage(), e);
        }
        System.setProperty("opendso.db.url", server.withDatabase(name).toUrlWithPassword());
    }

    private static void dropOld(Statement st, long before) throws SQLException {
        List<String> old = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                String db = rs.getString(1);
                String[] parts = db.substring(PREFIX.length()).split("_");
                try {
                    if (Long.parseLong(parts[0]) < before) {
                        old.add(db);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String db : old) {
            st.execute("drop database if exists " + db + " with (force)");
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", url.user());
        props.setProperty("password", url.password());
        return DriverManager.getConnection(url.jdbc(), props);
    }
}
