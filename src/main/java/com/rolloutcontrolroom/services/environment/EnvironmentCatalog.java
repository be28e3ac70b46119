package com.rolloutcontrolroom.services.environment;

import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.DatabaseProvider;

/**
 * Every environment the app can read by name: the embedded {@code demo} first, then the user's
 * profiles. One place to turn a name into a database, for the GUI and the CLI alike.
 */
public final class EnvironmentCatalog {

    public static final String DEMO = "demo";

    private final DatabaseProvider demo;
    private final EnvironmentProfiles profiles;
    private final ConnectionPools pools;

    public EnvironmentCatalog(DatabaseProvider demo, EnvironmentProfiles profiles, ConnectionPools pools) {
        this.demo = demo;
        this.profiles = profiles;
        this.pools = pools;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(DEMO);
        profiles.list().stream().map(EnvironmentProfile::name).filter(name -> !name.equals(DEMO)).forEach(names::add);
        return names;
    }

    /**
     * Blocking: connects (or starts the demo) on first use.
     *
     * @throws IllegalArgumentException naming the environments there are, for an unknown name
     */
    public Database database(String name) throws Exception {
        if (DEMO.equals(name)) {
            return demo.database();
        }
        EnvironmentProfile profile = profiles.find(name).orElseThrow(() -> new IllegalArgumentException(
                "There is no environment named '" + name + "'; known: " + String.join(", ", names())
                        + " (add one with: control-room env add NAME --url ...)."));
        return pools.database(profile);
    }
}
