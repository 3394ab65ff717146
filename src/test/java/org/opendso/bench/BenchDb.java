package org.opendso.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A PostgreSQL server and database for benchmarks, reached over JDBC and psql. */
record BenchDb(String host, int port, String user, String password, String database) {

    static BenchDb parse(String url) {
        URI uri = URI.create(url);
        String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new BenchDb(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), userInfo[0],
                userInfo.length > 1 ? userInfo[1] : "", db);
    }

    BenchDb in(String other) {
        return new BenchDb(host, port, user, password, other);
    }

    String url() {
        return "postgresql://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + host + ":" + port + "/" + database;
    }

    Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }

    void sql(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    void psql(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", host, "-p", String.valueOf(port), "-U", user, "-d", database, "-c", command)
                .inheritIO();
        if (!password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
        }
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("psql exited with " + exit);
        }
    }
}
