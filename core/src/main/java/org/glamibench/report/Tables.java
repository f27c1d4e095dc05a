package org.glamibench.report;

import java.util.List;

/** Writes titles, lines and tables either as aligned plain text or as Markdown. */
final class Tables {
    private final boolean markdown;
    private final StringBuilder out = new StringBuilder();

    Tables(boolean markdown) {
        this.markdown = markdown;
    }

    void title(String text) {
        out.append(markdown ? "# " + text : text).append("\n\n");
    }

    void section(String text) {
        out.append('\n').append(markdown ? "## " + text : text).append('\n');
        if (!markdown) {
            out.append("-".repeat(text.length())).append('\n');
        } else {
            out.append('\n');
        }
    }

    void line(String text) {
        out.append(text).append(markdown ? "  \n" : "\n");
    }

    void table(String[] header, List<String[]> rows) {
        if (markdown) {
            out.append("| ").append(String.join(" | ", escape(header))).append(" |\n|");
            out.append(" --- |".repeat(header.length)).append('\n');
            for (String[] row : rows) {
                out.append("| ").append(String.join(" | ", escape(row))).append(" |\n");
            }
            return;
        }
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        appendRow(header, widths);
        for (String[] row : rows) {
            appendRow(row, widths);
        }
    }

    private void appendRow(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.length; c++) {
            line.append(String.format("%-" + widths[c] + "s", cells[c]));
            if (c < cells.length - 1) {
                line.append("  ");
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String[] escape(String[] cells) {
        String[] escaped = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            escaped[i] = cells[i].replace("|", "\\|");
        }
        return escaped;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
