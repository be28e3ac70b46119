package com.rolloutcontrolroom.cli;

import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.rollout.PhasePlan;

/**
 * The items a phase can tick, numbered from 1 in the plan's order (pre-phase checklist, verification
 * criteria, evidence), so {@code checklist tick "Staging shadow" 2} saves retyping an item's text.
 */
final class PhaseItems {

    enum Section {
        CHECKLIST("Pre-phase checklist"), CRITERION("Verification criteria"), EVIDENCE("Evidence to capture");

        final String title;

        Section(String title) {
            this.title = title;
        }
    }

    record Item(int number, Section section, String text) {
    }

    private PhaseItems() {
    }

    static List<Item> of(PhasePlan phase) {
        List<Item> items = new ArrayList<>();
        add(items, Section.CHECKLIST, phase.checklist());
        add(items, Section.CRITERION, phase.verificationCriteria());
        add(items, Section.EVIDENCE, phase.evidence());
        return items;
    }

    /** The item's text: exactly as typed, or the item with that number. */
    static String resolve(PhasePlan phase, String typed) {
        if (phase.hasItem(typed) || !typed.strip().matches("\\d{1,4}")) {
            return typed; // an unknown text is refused by the move itself, in its own words
        }
        List<Item> items = of(phase);
        int number = Integer.parseInt(typed.strip());
        if (number < 1 || number > items.size()) {
            throw new IllegalArgumentException(phase.name() + " has " + items.size() + " items, so there is no item " + number
                    + "; see the numbers with: control-room checklist list '" + phase.name() + "'.");
        }
        return items.get(number - 1).text();
    }

    /** The number of an item in the phase. */
    static int numberOf(PhasePlan phase, String text) {
        return of(phase).stream().filter(item -> item.text().equals(text)).mapToInt(Item::number).findFirst().orElse(0);
    }

    private static void add(List<Item> items, Section section, List<String> texts) {
        texts.forEach(text -> items.add(new Item(items.size() + 1, section, text)));
    }
}
