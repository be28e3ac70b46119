package com.rolloutcontrolroom.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The two looks: light for daylight desks, dark for late cutover calls. */
public enum Theme {
    // the binary form of the same stylesheet: parsing AtlantaFX's 170 KB of CSS text was a tenth of the start-up time
    LIGHT(new PrimerLight().getUserAgentStylesheetBSS(), "theme-light"),
    DARK(new PrimerDark().getUserAgentStylesheetBSS(), "theme-dark");

    private final String userAgentStylesheet;
    private final String styleClass;

    Theme(String userAgentStylesheet, String styleClass) {
        this.userAgentStylesheet = userAgentStylesheet;
        this.styleClass = styleClass;
    }

    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    public String styleClass() {
        return styleClass;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
