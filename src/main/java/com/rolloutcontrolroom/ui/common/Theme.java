package com.rolloutcontrolroom.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The two looks: light for daylight desks, dark for late cutover calls. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet(), "theme-light"),
    DARK(new PrimerDark().getUserAgentStylesheet(), "theme-dark");

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
