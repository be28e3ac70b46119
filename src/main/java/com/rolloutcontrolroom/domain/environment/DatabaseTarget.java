package com.rolloutcontrolroom.domain.environment;

/**
 * Which database an environment reads, as it may be shown on a shared screen: never a secret.
 */
public record DatabaseTarget(String environment, String host, int port, String database, String user) {

    /** "demo: postgres@localhost:54321/postgres" */
    public String describe() {
        return environment + ": " + user + "@" + host + ":" + port + "/" + database;
    }
}
