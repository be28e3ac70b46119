package com.rolloutcontrolroom.services.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.demo.DemoDatabase;
import com.rolloutcontrolroom.services.demo.DemoOptions;

/** The GUI joins a demo database another process serves, and takes it over when that process exits. */
class DemoEnvironmentTest {

    @TempDir
    Path folder;

    @Test
    void aGuestTakesTheDemoOverWhenItsOwnerStops() throws Exception {
        Path data = folder.resolve("demo-postgres");
        DemoDatabase owner = DemoDatabase.startOrConnect(data, DemoOptions.defaults());
        try (DemoEnvironment guest = new DemoEnvironment(data, DemoOptions.defaults())) {
            assertThat(count(guest.database())).isPositive();
            owner.close();
            Database takenOver = guest.database();
            assertThat(count(takenOver)).as("same data, served again").isPositive();
        } finally {
            owner.close();
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    private static long count(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM observability_events")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
