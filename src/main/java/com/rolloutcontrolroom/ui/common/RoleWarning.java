package com.rolloutcontrolroom.ui.common;

import java.util.List;

/** The line a screen shows when the environment's role can do more than read (the first finding, and where to see all). */
public final class RoleWarning {

    private RoleWarning() {
    }

    /** @return empty for a read-only role */
    public static String of(List<String> roleWarnings) {
        if (roleWarnings.isEmpty()) {
            return "";
        }
        String first = roleWarnings.get(0);
        return "Warning: " + Character.toUpperCase(first.charAt(0)) + first.substring(1)
                + (roleWarnings.size() > 1 ? " (" + (roleWarnings.size() - 1) + " more)" : "")
                + " Settings → Test connection lists every finding and the SQL for a read-only role.";
    }
}
