package com.rolloutcontrolroom.ui.placeholder;

/** A screen that is not built yet: its name and what it will hold. */
public record PlaceholderViewModel(String title, String purpose) {
}
