package com.rolloutcontrolroom.services.db;

/**
 * Hands out an environment's database, connecting (or, for the demo, starting it) on first use.
 * Blocking: call it from background work only.
 */
@FunctionalInterface
public interface DatabaseProvider {

    Database database() throws Exception;
}
