package com.rolloutcontrolroom.services.db;

import java.util.List;

/** The environments a screen can read, by name. Both methods block: call them from background work. */
public interface EnvironmentDatabases {

    List<String> names() throws Exception;

    Database database(String name) throws Exception;

    /** Blocking: true when the environment needs a password that no store holds yet; the GUI then asks once. */
    default boolean missingPassword(String name) throws Exception {
        return false;
    }

    /** Blocking: keeps a typed password for the environment and wipes the array. */
    default void rememberPassword(String name, char[] password) throws Exception {
        java.util.Arrays.fill(password, '\0');
        throw new UnsupportedOperationException("Environment " + name + " takes no typed password.");
    }

    /** A single environment, e.g. for a test or a window bound to one database. */
    static EnvironmentDatabases only(String name, DatabaseProvider provider) {
        return new EnvironmentDatabases() {
            @Override
            public List<String> names() {
                return List.of(name);
            }

            @Override
            public Database database(String requested) throws Exception {
                if (!name.equals(requested)) {
                    throw new IllegalArgumentException("There is no environment named '" + requested + "'; known: " + name + ".");
                }
                return provider.database();
            }
        };
    }
}
