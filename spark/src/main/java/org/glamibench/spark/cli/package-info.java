/**
 * The spark module's command: {@code glami-bench sweep}, added to the command line through the
 * {@link org.glamibench.cli.CommandProvider} hook.
 *
 * <p>May import: org.glamibench.cli, org.glamibench.eval, org.glamibench.files,
 * org.glamibench.harness, org.glamibench.progress, org.glamibench.run, org.glamibench.spark.
 */
package org.glamibench.spark.cli;
