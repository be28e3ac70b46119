package com.rolloutcontrolroom.services.demo;
public enum DemoScenario { HEALTHY, DEGRADED }
