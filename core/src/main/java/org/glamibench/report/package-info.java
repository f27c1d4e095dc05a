/**
 * Results for people: {@link org.glamibench.report.RunReport} summarises one run from its run.json
 * as plain text or Markdown, {@link org.glamibench.report.ChartFiles} saves XChart charts as PNG
 * and SVG, and {@link org.glamibench.report.Numbers} formats numbers as reports and charts print
 * them.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.leakage, org.glamibench.run, org.glamibench.stats.
 */
package org.glamibench.report;
