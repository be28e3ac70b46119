package com.rolloutcontrolroom.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, on a second core, the classes the window's first frames need, in the order they are needed, while the
 * FX thread is busy with the first of them: loading a class from the jar (reading, parsing, defining it) is
 * most of a cold start's work. Loading only: no static initialiser runs here, so nothing happens earlier or
 * on another thread than it would have. The list is {@code startup/classes.txt}, recorded by
 * {@code scripts/record-startup-classes.sh}; a name no longer in the jar is passed over.
 */
final class ClassPreloader {

    private static final Logger LOG = LoggerFactory.getLogger(ClassPreloader.class);
    static final String LIST = "/startup/classes.txt";

    private ClassPreloader() {
    }

    static void startInBackground() {
        Thread thread = new Thread(() -> preload(LIST), "class-preloader");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** @return how many of the listed classes were loaded */
    static int preload(String listResource) {
        ClassLoader loader = ClassPreloader.class.getClassLoader();
        int loaded = 0;
        try (InputStream list = ClassPreloader.class.getResourceAsStream(listResource)) {
            if (list == null) {
                LOG.warn("No class list at {}: the first frame loads its classes as it goes", listResource);
                return 0;
            }
            BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError stale) {
                    // a class renamed or removed since the list was recorded: the window loads what it needs anyway
                    LOG.debug("Not preloaded: {}", name);
                }
            }
        } catch (IOException e) {
            LOG.warn("The class list {} could not be read; the first frame loads its classes as it goes", listResource, e);
        }
        return loaded;
    }
}
