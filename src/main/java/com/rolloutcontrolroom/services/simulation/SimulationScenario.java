package com.rolloutcontrolroom.services.simulation;

import com.rolloutcontrolroom.services.demo.DemoScenario;

/**
 * How production full goes in a simulated rollout; staging is always healthy.
 *
 * <p>DEGRADED replays the demo's degraded story shifted 14 hours earlier: the warning band from T+4h
 * (so T+6h sees its first coordinator.error), below 90 % with circuit trips from T+13h. The shift puts
 * the demo's healthy-band error (its hour 12) and its teething manual reviews before the deployment
 * marker, where no coordinator events are written, so every WARN and FAIL comes from the degradation.
 */
public enum SimulationScenario {
    /** Success about 99 %, manual review about 0.3 %: the rollout reaches Legacy cleanup. */
    HEALTHY(DemoScenario.HEALTHY, 0),
    /** Production full degrades: WARN at T+6h, FAIL at T+12h, rolled back there. */
    DEGRADED(DemoScenario.DEGRADED, 14);

    private final DemoScenario demo;
    private final int productionStoryLeadHours;

    SimulationScenario(DemoScenario demo, int productionStoryLeadHours) {
        this.demo = demo;
        this.productionStoryLeadHours = productionStoryLeadHours;
    }

    DemoScenario demo() {
        return demo;
    }

    /** How many hours before production full's marker the demo story's full phase starts. */
    int productionStoryLeadHours() {
        return productionStoryLeadHours;
    }
}
