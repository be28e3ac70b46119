package com.rolloutcontrolroom.ui.settings;

import java.time.Duration;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;

/**
 * The add/edit form of the Settings screen: text as typed, turned into a profile with one sentence
 * per problem. The password property only carries what is typed until it is stored; then it is cleared.
 */
public final class ProfileForm {

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(EnvironmentProfile.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty("postgres");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<SslMode> sslMode = new SimpleObjectProperty<>(SslMode.DEFAULT);
    private final StringProperty rootCert = new SimpleStringProperty("");
    private final StringProperty timeoutSeconds = new SimpleStringProperty(String.valueOf(EnvironmentProfile.DEFAULT_STATEMENT_TIMEOUT.toSeconds()));
    private final BooleanProperty requireReadOnlyRole = new SimpleBooleanProperty(false);
    private final StringProperty password = new SimpleStringProperty("");

    public void load(EnvironmentProfile profile) {
        name.set(profile.name());
        host.set(profile.host());
        port.set(String.valueOf(profile.port()));
        database.set(profile.database());
        user.set(profile.user());
        sslMode.set(profile.sslMode());
        rootCert.set(profile.rootCertPath());
        timeoutSeconds.set(String.valueOf(profile.statementTimeout().toSeconds()));
        requireReadOnlyRole.set(profile.requireReadOnlyRole());
        password.set("");
    }

    public void clear() {
        name.set("");
        host.set("");
        port.set(String.valueOf(EnvironmentProfile.DEFAULT_PORT));
        database.set("postgres");
        user.set("");
        sslMode.set(SslMode.DEFAULT);
        rootCert.set("");
        timeoutSeconds.set(String.valueOf(EnvironmentProfile.DEFAULT_STATEMENT_TIMEOUT.toSeconds()));
        requireReadOnlyRole.set(false);
        password.set("");
    }

    /** @throws IllegalArgumentException with one sentence naming the field to fix */
    public EnvironmentProfile toProfile() {
        int portNumber = number(port.get(), "The port must be a number such as 5432 or 6543.");
        int seconds = number(timeoutSeconds.get(), "The statement timeout must be a whole number of seconds, e.g. 30.");
        return new EnvironmentProfile(name.get(), host.get(), portNumber, database.get(), user.get(), sslMode.get(),
                rootCert.get(), Duration.ofSeconds(seconds), requireReadOnlyRole.get());
    }

    /** Takes the typed password out of the form: the caller stores and wipes it. */
    public char[] takePassword() {
        char[] typed = password.get() == null ? new char[0] : password.get().toCharArray();
        password.set("");
        return typed;
    }

    private static int number(String text, String sentence) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(sentence, e);
        }
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty databaseProperty() { return database; }
    public StringProperty userProperty() { return user; }
    public ObjectProperty<SslMode> sslModeProperty() { return sslMode; }
    public StringProperty rootCertProperty() { return rootCert; }
    public StringProperty timeoutSecondsProperty() { return timeoutSeconds; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty requireReadOnlyRoleProperty() { return requireReadOnlyRole; }
}
