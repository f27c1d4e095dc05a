package org.glamibench.leaderboard;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.glamibench.cli.GlamiBench;
import picocli.CommandLine;

/**
 * One {@code glami-bench} command run in this JVM, as the launcher would run it (the leaderboard
 * module's commands come in through the ServiceLoader hook).
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
public record Cli(int exitCode, String out, String err) {

    /** Runs {@code glami-bench args...}, capturing its output. */
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GlamiBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Cli(exitCode, out.toString(), err.toString());
    }
}
