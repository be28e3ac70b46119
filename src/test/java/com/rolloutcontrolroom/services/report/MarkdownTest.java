package com.rolloutcontrolroom.services.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void cellsKeepPipesAndLineBreaksInsideTheirCell() {
        assertThat(Markdown.cell("a | b\nc")).isEqualTo("a \\| b / c");
        // a backslash typed before a pipe must not escape the escape
        assertThat(Markdown.cell("a \\| b")).isEqualTo("a \\\\\\| b");
        assertThat(Markdown.cell("path\\to")).isEqualTo("path\\to");
    }

    @Test
    void anEmptyCellIsRefusedRatherThanLeftBlank() {
        assertThatThrownBy(() -> Markdown.cell("  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not recorded");
        assertThatThrownBy(() -> Markdown.cell(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inlineCodeSurvivesBackticks() {
        assertThat(Markdown.code("auto_assign.*")).isEqualTo("`auto_assign.*`");
        assertThat(Markdown.code("a `b` c")).isEqualTo("``a `b` c``");
        assertThat(Markdown.code("`x")).isEqualTo("`` `x ``");
    }

    @Test
    void aCodeBlockFenceIsLongerThanAnyRunOfBackticksInside() {
        String md = new Markdown().code("bash", List.of("echo ```", "ls")).text();
        assertThat(md).isEqualTo("````bash\necho ```\nls\n````\n");
    }

    @Test
    void blocksAreSeparatedByOneBlankLineAndListItemsByNone() {
        String md = new Markdown().heading(2, "Title").bullet("one").task(true, "two\nlines").paragraph("after").text();
        assertThat(md).isEqualTo("## Title\n\n- one\n- [x] two / lines\n\nafter\n");
    }

    @Test
    void tablesArePaddedAndEscaped() {
        String md = new Markdown().table(List.of("A", "B"), List.of(List.of("x|y", "long value"))).text();
        assertThat(md).isEqualTo("| A    | B          |\n| ---- | ---------- |\n| x\\|y | long value |\n");
    }
}
