package com.rolloutcontrolroom.domain.deploy;

/** The plan asks for something the adapter will not run; one sentence saying what to change. */
public final class DeployPlanException extends RuntimeException {

    public DeployPlanException(String sentence) {
        super(sentence);
    }
}
