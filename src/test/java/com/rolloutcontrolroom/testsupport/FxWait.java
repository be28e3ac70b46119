package com.rolloutcontrolroom.testsupport;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for a condition on the scene, evaluated on the FX thread.
 *
 * <p>Why: a ViewModel sets several properties in one FX-thread callback; a condition read from the test thread
 * can see the first of them set and the rest not yet, so the next assertion fails now and then.
 */
public final class FxWait {

    private FxWait() {
    }

    public static void until(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
