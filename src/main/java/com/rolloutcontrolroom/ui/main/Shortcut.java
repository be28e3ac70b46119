package com.rolloutcontrolroom.ui.main;

/**
 * One line of the keyboard help: the keys as the platform writes them ("Ctrl+1", "Alt+F", "?"),
 * what they do, and where they work.
 */
public record Shortcut(String keys, String does, String where) {

    public static final String EVERYWHERE = "Everywhere";
}
