package com.rolloutcontrolroom.cli;

import java.time.Instant;

import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;

import picocli.CommandLine.Option;

/** The deployment marker as a release manager enters it after the deploy: when, where, who, and a note. */
final class MarkerOptions {

    @Option(names = "--at", paramLabel = UtcTime.LABEL, converter = UtcTime.class,
            description = "When the flags went live, " + UtcTime.FORMATS + " (default: now).")
    Instant at;

    @Option(names = "--url", paramLabel = "URL", description = "The deployment's URL.")
    String url;

    @Option(names = "--deployed-by", paramLabel = "NAME", description = "Who deployed (default: you).")
    String deployedBy;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note for the journal.")
    String note;

    DeploymentMarker marker() {
        return new DeploymentMarker(at, url, deployedBy, note);
    }
}
