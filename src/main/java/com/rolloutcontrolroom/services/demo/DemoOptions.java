package com.rolloutcontrolroom.services.demo;
public record DemoOptions(DemoScenario scenario, int bookingsPerHour, boolean reset) { public static DemoOptions defaults() { return new DemoOptions(DemoScenario.HEALTHY, 40, false);} }
