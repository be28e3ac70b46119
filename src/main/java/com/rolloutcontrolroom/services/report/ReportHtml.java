package com.rolloutcontrolroom.services.report;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The report's HTML: its markdown rendered by CommonMark (with GFM tables), raw HTML in journal text
 * escaped, the front matter as a table of its own, a small embedded stylesheet, and the charts as
 * images at their paths relative to the report.
 */
final class ReportHtml {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private static final String STYLE = String.join("\n",
            "body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #1f2328; max-width: 1100px;",
            "       margin: 2em auto; padding: 0 1em; line-height: 1.5; }",
            "h1 { border-bottom: 2px solid #d0d7de; padding-bottom: .3em; }",
            "h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }",
            "table { border-collapse: collapse; margin: 1em 0; font-size: .9em; }",
            "th, td { border: 1px solid #d0d7de; padding: .3em .6em; text-align: left; vertical-align: top; }",
            "th { background: #f6f8fa; }",
            "code { background: #f6f8fa; padding: .1em .3em; border-radius: 4px; font-size: .9em; }",
            "pre { background: #f6f8fa; padding: 1em; overflow-x: auto; border-radius: 6px; }",
            "pre code { padding: 0; }",
            "img { max-width: 100%; border: 1px solid #d0d7de; }",
            "table.front-matter th { width: 12em; }",
            "hr { border: 0; border-top: 1px solid #d0d7de; margin: 2em 0; }");

    private ReportHtml() {
    }

    static String of(String markdown, String title) {
        String body = markdown;
        StringBuilder front = new StringBuilder();
        if (markdown.startsWith("---\n")) {
            int end = markdown.indexOf("\n---\n", 4);
            if (end > 0) {
                front.append("<table class=\"front-matter\">\n");
                for (String line : markdown.substring(4, end).split("\n")) {
                    int colon = line.indexOf(':');
                    front.append("<tr><th>").append(escape(line.substring(0, colon))).append("</th><td>")
                            .append(escape(unquoted(line.substring(colon + 1).strip()))).append("</td></tr>\n");
                }
                front.append("</table>\n");
                body = markdown.substring(end + 5);
            }
        }
        String rendered = RENDERER.render(PARSER.parse(body))
                // seed 000's task lists, as boxes: CommonMark itself has no task-list items
                .replace("<li>[x] ", "<li>☑ ").replace("<li>[ ] ", "<li>☐ ");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n<style>\n"
                + STYLE + "\n</style>\n</head>\n<body>\n" + front + rendered + "</body>\n</html>\n";
    }

    /** A front-matter scalar as a person reads it: "root" shows as root; a list stays as written. */
    private static String unquoted(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") && value.indexOf("\", \"") < 0) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
