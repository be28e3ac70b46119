package com.rolloutcontrolroom.domain.operator;

/**
 * Who did something: the OS login (stable, what auditors match against) and the display name the
 * person chose in Settings (what the team recognises on a shared screen).
 */
public record Operator(String login, String displayName) {

    public Operator {
        if (login == null || login.isBlank()) {
            throw new IllegalArgumentException("Operator login is empty; the OS user name could not be read.");
        }
        if (displayName == null || displayName.isBlank()) {
            displayName = login;
        }
        login = login.strip();
        displayName = displayName.strip();
    }

    /** "Ana Ruiz (ana)", or just "ana" when no display name was chosen. */
    public String describe() {
        return displayName.equals(login) ? login : displayName + " (" + login + ")";
    }
}
