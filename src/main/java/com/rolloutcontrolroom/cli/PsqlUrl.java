package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;

/** A libpq URL for a target, without a password (psql asks for one if it is needed). */
final class PsqlUrl {

    private PsqlUrl() {
    }

    static String of(DatabaseTarget target) {
        return "postgresql://" + target.user() + "@" + target.host() + ":" + target.port() + "/" + target.database();
    }
}
