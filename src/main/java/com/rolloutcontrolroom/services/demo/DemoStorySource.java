package com.rolloutcontrolroom.services.demo;

/** Where the demo's timeline comes from: the demo database's own seed time. Blocking: it may start the database. */
@FunctionalInterface
public interface DemoStorySource {

    DemoStory story() throws Exception;
}
