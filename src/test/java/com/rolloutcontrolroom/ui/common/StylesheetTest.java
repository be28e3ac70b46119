package com.rolloutcontrolroom.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import javafx.css.CssParser;

import org.junit.jupiter.api.Test;

/** A CSS syntax error silently drops every rule after it; catch it here, not in a screenshot. */
class StylesheetTest {

    @Test
    void theAppStylesheetParsesWithoutErrors() throws Exception {
        URL stylesheet = StylesheetTest.class.getResource(ThemeSwitcher.APP_STYLESHEET);
        CssParser.errorsProperty().clear();
        var parsed = new CssParser().parse(stylesheet);
        assertThat(CssParser.errorsProperty()).as("CSS parse errors").isEmpty();
        assertThat(parsed.getRules()).extracting(rule -> rule.getSelectors().get(0).toString())
                .anyMatch(selector -> selector.contains("metric-tile"));
    }

    /** Two screens defining one class name override each other silently (the later rule wins). */
    @Test
    void noSelectorIsDefinedTwice() throws Exception {
        var parsed = new CssParser().parse(StylesheetTest.class.getResource(ThemeSwitcher.APP_STYLESHEET));
        java.util.List<String> selectors = parsed.getRules().stream()
                .flatMap(rule -> rule.getSelectors().stream()).map(Object::toString).toList();
        assertThat(selectors).doesNotHaveDuplicates();
    }
}
