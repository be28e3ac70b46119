package com.rolloutcontrolroom.services.environment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.DatabaseProvider;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;

/**
 * Every environment the app can read by name: the embedded {@code demo} first, then the user's
 * profiles. One place to turn a name into a database, for the GUI and the CLI alike.
 */
public final class EnvironmentCatalog implements EnvironmentDatabases {

    public static final String DEMO = EnvironmentProfile.DEMO_NAME;

    private final DatabaseProvider demo;
    private final EnvironmentProfiles profiles;
    private final ConnectionPools pools;
    private final CredentialStore credentials;
    private final RoleCheck roleCheck = new RoleCheck();
    /** by environment: the profile the role was checked with, and what was found */
    private final Map<String, Checked> checkedRoles = new ConcurrentHashMap<>();

    public EnvironmentCatalog(DatabaseProvider demo, EnvironmentProfiles profiles, ConnectionPools pools, CredentialStore credentials) {
        this.demo = demo;
        this.profiles = profiles;
        this.pools = pools;
        this.credentials = credentials;
    }

    /**
     * Blocking: true when the environment is a profile and its password is in no store yet, e.g.
     * with no keychain, at the first use of a session; the GUI then asks for it once.
     */
    @Override
    public boolean missingPassword(String name) throws CredentialException {
        if (DEMO.equals(name) || profiles.find(name).isEmpty()) {
            return false;
        }
        Optional<char[]> password = credentials.read(CredentialKey.forEnvironment(name));
        password.ifPresent(secret -> Arrays.fill(secret, '\0'));
        return password.isEmpty();
    }

    /** Blocking: keeps the password in the credential store (memory only without a keychain) and wipes the array. */
    @Override
    public void rememberPassword(String name, char[] password) throws CredentialException {
        try {
            credentials.store(CredentialKey.forEnvironment(name), password);
            pools.invalidate(name);
            checkedRoles.remove(name);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(DEMO);
        profiles.list().stream().map(EnvironmentProfile::name).filter(name -> !name.equals(DEMO)).forEach(names::add);
        return names;
    }

    /**
     * Blocking: connects (or starts the demo) on first use, and on the first connection checks what
     * the role could do beyond reading ({@link RoleCheck}); the findings come with the database as
     * warnings. The demo, the app's own throwaway database, is not checked.
     *
     * @throws IllegalArgumentException naming the environments there are, for an unknown name
     * @throws IllegalStateException    with one sentence, when the profile requires a read-only role and the role is not one
     */
    @Override
    public Database database(String name) throws Exception {
        if (DEMO.equals(name)) {
            return demo.database();
        }
        EnvironmentProfile profile = profiles.find(name).orElseThrow(() -> new IllegalArgumentException(
                "There is no environment named '" + name + "'; known: " + String.join(", ", names())
                        + " (add one with: control-room env add NAME --url ...)."));
        Database database = pools.database(profile);
        Checked checked = checkedRoles.get(name);
        if (checked == null || !checked.profile().equals(profile)) {
            RoleFindings findings = new ReadOnlyQuery(profile.statementTimeout()).run(database.dataSource(), roleCheck::check);
            checked = new Checked(profile, findings);
            checkedRoles.put(name, checked);
        }
        if (profile.requireReadOnlyRole() && !checked.findings().clean()) {
            throw new IllegalStateException(checked.findings().refusal(name));
        }
        return new RoleCheckedDatabase(database, checked.findings().warnings());
    }

    private record Checked(EnvironmentProfile profile, RoleFindings findings) {
    }
}
