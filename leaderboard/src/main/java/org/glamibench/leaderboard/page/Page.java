package org.glamibench.leaderboard.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glamibench.leaderboard.PaperResult;

/**
 * A document of headings, paragraphs, lists, tables and images, rendered as Markdown and as HTML
 * from the same content. Text may hold {@code `code`} and {@code **bold**} spans, and
 * {@code [text](href)} links; everything else is literal.
 */
final class Page {
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\[([^\\]]+)\\]\\(([^)]+)\\)");

    private final List<Block> blocks = new ArrayList<>();

    private sealed interface Block permits Heading, Paragraph, Bullets, Table, Image {
    }

    private record Heading(int level, String text, String id) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    private record Image(String src, String alt) implements Block {
    }

    Page heading(int level, String text, String id) {
        blocks.add(new Heading(level, text, id));
        return this;
    }

    Page paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    Page bullets(List<String> items) {
        blocks.add(new Bullets(List.copyOf(items)));
        return this;
    }

    Page table(List<String> headers, List<List<String>> rows) {
        blocks.add(new Table(List.copyOf(headers), List.copyOf(rows)));
        return this;
    }

    Page image(String src, String alt) {
        blocks.add(new Image(src, alt));
        return this;
    }

    /** The page as GitHub-flavoured Markdown. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Paragraph p) {
                md.append(p.text()).append("\n\n");
            } else if (block instanceof Bullets b) {
                b.items().forEach(item -> md.append("- ").append(item).append('\n'));
                md.append('\n');
            } else if (block instanceof Table t) {
                md.append(markdownRow(t.headers()));
                md.append(markdownRow(t.headers().stream().map(x -> "---").toList()));
                t.rows().forEach(row -> md.append(markdownRow(row)));
                md.append('\n');
            } else if (block instanceof Image i) {
                md.append("![").append(i.alt()).append("](").append(i.src()).append(")\n\n");
            }
        }
        return md.toString();
    }

    /** The page as a standalone HTML document with its own small style sheet. */
    String html(String title) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1400px;")
                .append("padding:0 1em;color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:14px}\n")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\n")
                .append("th{background:#f2f2f2}tr:nth-child(even) td{background:#fafafa}\n")
                .append("td.reference{color:#666;font-style:italic}\n")
                .append("code{background:#f4f4f4;padding:1px 4px;border-radius:3px;font-size:90%}\n")
                .append("img{max-width:100%;border:1px solid #eee;margin:.5em 0}\n")
                .append(".scroll{overflow-x:auto}\n</style>\n</head>\n<body>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                html.append("<h").append(h.level()).append(h.id() == null ? "" : " id=\"" + escape(h.id()) + "\"")
                        .append('>').append(inline(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                html.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (block instanceof Bullets b) {
                html.append("<ul>\n");
                b.items().forEach(item -> html.append("<li>").append(inline(item)).append("</li>\n"));
                html.append("</ul>\n");
            } else if (block instanceof Table t) {
                html.append("<div class=\"scroll\"><table>\n<tr>");
                t.headers().forEach(cell -> html.append("<th>").append(inline(cell)).append("</th>"));
                html.append("</tr>\n");
                for (List<String> row : t.rows()) {
                    boolean reference = row.stream().anyMatch(cell -> cell.contains(PaperResult.NOTE));
                    html.append("<tr>");
                    row.forEach(cell -> html.append(reference ? "<td class=\"reference\">" : "<td>")
                            .append(inline(cell)).append("</td>"));
                    html.append("</tr>\n");
                }
                html.append("</table></div>\n");
            } else if (block instanceof Image i) {
                html.append("<p><img src=\"").append(escape(i.src())).append("\" alt=\"").append(escape(i.alt()))
                        .append("\"></p>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** Text as a Markdown table cell: pipes escaped, line breaks flattened. */
    private static String markdownRow(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        return row.append('\n').toString();
    }

    /** Text with its spans as HTML. */
    private static String inline(String text) {
        StringBuilder html = new StringBuilder();
        Matcher m = SPAN.matcher(text);
        int last = 0;
        while (m.find()) {
            html.append(escape(text.substring(last, m.start())));
            if (m.group(1) != null) {
                html.append("<code>").append(escape(m.group(1))).append("</code>");
            } else if (m.group(2) != null) {
                html.append("<strong>").append(escape(m.group(2))).append("</strong>");
            } else {
                html.append("<a href=\"").append(escape(m.group(4))).append("\">").append(escape(m.group(3))).append("</a>");
            }
            last = m.end();
        }
        return html.append(escape(text.substring(last))).toString();
    }

    /** Text as a code span (a backtick inside becomes a quote). */
    static String code(String text) {
        return "`" + text.replace('`', '\'') + "`";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
