package com.rolloutcontrolroom.services.environment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;


import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.DatabaseProvider;
import com.rolloutcontrolroom.services.demo.DemoDatabase;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.demo.DemoStory;
import com.rolloutcontrolroom.services.demo.DemoStorySource;

/**
 * The environment {@code demo}: started on first use (or joined, when {@code demo-db} or another
 * window already runs it), stopped on close.
 */
public final class DemoEnvironment implements DatabaseProvider, DemoStorySource, AutoCloseable {

    private final Path dataDirectory;
    private final DemoOptions options;
    private DemoDatabase running;

    public DemoEnvironment(Path dataDirectory, DemoOptions options) {
        this.dataDirectory = dataDirectory;
        this.options = options;
    }

    @Override
    public synchronized Database database() throws Exception {
        if (running != null && !running.ownsServer() && !reachable(running)) {
            // the process that served the demo (demo-db, a CLI run) has exited: take it over
            running.close();
            running = null;
        }
        if (running == null) {
            running = DemoDatabase.startOrConnect(dataDirectory, options);
        }
        DemoDatabase demo = running;
        return new ConnectedDatabase(demo.dataSource(), demo.target());
    }

    /** The timeline the demo database's traffic follows; starts or joins it first. Blocking. */
    @Override
    public synchronized DemoStory story() throws Exception {
        database();
        return running.story();
    }

    private static boolean reachable(DemoDatabase demo) {
        try (Connection connection = demo.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
