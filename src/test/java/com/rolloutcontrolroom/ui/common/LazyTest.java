package com.rolloutcontrolroom.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void buildsAtTheFirstUseOnlyAndGivesTheSameOneEveryTime() {
        AtomicInteger built = new AtomicInteger();
        Lazy<Object> part = Lazy.of(() -> {
            built.incrementAndGet();
            return new Object();
        });

        assertThat(built).hasValue(0);
        Object first = part.get();
        assertThat(part.get()).isSameAs(first);
        assertThat(built).hasValue(1);
    }

    @Test
    void ifBuiltLeavesAPartNotYetBuiltAloneAndReachesABuiltOne() {
        List<String> reached = new ArrayList<>();
        Lazy<String> part = Lazy.of(() -> "screen");

        part.ifBuilt(reached::add);
        assertThat(reached).isEmpty();

        part.get();
        part.ifBuilt(reached::add);
        assertThat(reached).containsExactly("screen");
    }

    @Test
    void aMakerThatFailedIsTriedAgainAtTheNextUse() {
        AtomicInteger tries = new AtomicInteger();
        Lazy<String> part = Lazy.of(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("the first try fails");
            }
            return "built";
        });

        assertThatThrownBy(part::get).hasMessage("the first try fails");
        List<String> reached = new ArrayList<>();
        part.ifBuilt(reached::add);
        assertThat(reached).isEmpty();
        assertThat(part.get()).isEqualTo("built");
    }
}
