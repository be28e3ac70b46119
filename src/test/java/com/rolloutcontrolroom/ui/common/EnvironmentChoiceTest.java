package com.rolloutcontrolroom.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;

/** The environment list and the password flow the Dashboard and Queries screens share. */
class EnvironmentChoiceTest {

    private final Environments databases = new Environments();
    private final ScriptedDialogs dialogs = ScriptedDialogs.typingPassword("fake-right-password");
    private final EnvironmentChoice choice = new EnvironmentChoice(databases, dialogs, new CurrentThreadTaskExecutor());
    private final List<String> said = new ArrayList<>();

    @Test
    void startsOnTheDemoAndKeepsTheChosenEnvironmentWhileItIsStillListed() {
        assertThat(choice.environmentProperty().get()).isEqualTo("demo");

        databases.names = List.of("demo", "staging", "production");
        choice.refresh(said::add);
        choice.environmentProperty().set("staging");
        databases.names = List.of("demo", "staging");
        choice.refresh(said::add);

        assertThat(choice.environments()).containsExactly("demo", "staging");
        assertThat(choice.environmentProperty().get()).isEqualTo("staging");
        assertThat(said).isEmpty();
    }

    @Test
    void aRemovedEnvironmentFallsBackToTheDemo() {
        databases.names = List.of("demo", "staging");
        choice.refresh(said::add);
        choice.environmentProperty().set("staging");

        databases.names = List.of("demo", "production");
        choice.refresh(said::add);

        assertThat(choice.environmentProperty().get()).isEqualTo("demo");
    }

    @Test
    void aListThatCannotBeReadIsOneSentence() {
        databases.names = null;
        choice.refresh(said::add);
        assertThat(said).containsExactly("Could not list the environments: The environments file is damaged; fix or delete it.");
    }

    @Test
    void aRejectedPasswordIsAskedForAgainStoredAndTheWorkRunsAgain() {
        List<String> ran = new ArrayList<>();

        boolean asked = choice.askAgainIfRejected("staging", true, () -> ran.add("again"), said::add);

        assertThat(asked).isTrue();
        assertThat(dialogs.passwordPrompts).singleElement().asString()
                .startsWith("Password for staging: PostgreSQL rejected the stored password");
        assertThat(databases.remembered).containsEntry("staging", "fake-right-password");
        assertThat(ran).containsExactly("again");
        assertThat(said).isEmpty();
    }

    @Test
    void aPasswordThatWasNotRejectedIsNotAskedFor() {
        List<String> ran = new ArrayList<>();

        assertThat(choice.askAgainIfRejected("staging", false, () -> ran.add("again"), said::add)).isFalse();

        assertThat(dialogs.passwordPrompts).isEmpty();
        assertThat(ran).isEmpty();
        assertThat(said).isEmpty();
    }

    @Test
    void cancellingTheSecondAskKeepsTheStoredPasswordAndSaysSo() {
        EnvironmentChoice cancelling = new EnvironmentChoice(databases, ScriptedDialogs.typingPassword(null), new CurrentThreadTaskExecutor());
        List<String> ran = new ArrayList<>();

        assertThat(cancelling.askAgainIfRejected("staging", true, () -> ran.add("again"), said::add)).isTrue();

        assertThat(ran).isEmpty();
        assertThat(databases.remembered).isEmpty();
        assertThat(said).containsExactly("The stored password for staging was kept.");
    }

    @Test
    void aMissingPasswordIsAskedForOnceBeforeTheWorkRuns() {
        databases.missing = true;
        List<String> ran = new ArrayList<>();

        choice.open("staging", () -> ran.add("work"), said::add);

        assertThat(dialogs.passwordPrompts).singleElement().asString().startsWith("Password for staging: No password is stored");
        assertThat(databases.remembered).containsEntry("staging", "fake-right-password");
        assertThat(ran).containsExactly("work");
    }

    /** Names and passwords in memory: the list and the credential store are what these tests steer. */
    private static final class Environments implements EnvironmentDatabases {
        List<String> names = List.of("demo");
        boolean missing;
        final Map<String, String> remembered = new ConcurrentHashMap<>();

        @Override
        public List<String> names() {
            if (names == null) {
                throw new IllegalStateException("The environments file is damaged; fix or delete it.");
            }
            return names;
        }

        @Override
        public Database database(String name) {
            throw new UnsupportedOperationException("these tests open no database");
        }

        @Override
        public boolean missingPassword(String name) {
            return missing && !remembered.containsKey(name);
        }

        @Override
        public void rememberPassword(String name, char[] password) {
            remembered.put(name, new String(password));
            java.util.Arrays.fill(password, '\0');
        }
    }
}
