package org.glamibench.leaderboard;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glamibench.leaderboard.gate.BaselineSuite;

/**
 * The committed baseline suite ({@code results/baselines}) re-evaluated once per test JVM by
 * {@code glami-bench gate --suite}, which leaves the suite's sample, the models it trained and the
 * fresh runs of its reference models under {@code target/baseline-gate}: the gate test checks its verdict, other
 * tests copy its runs.
 */
public final class SuiteWork {
    /** Where the gate works. */
    public static final Path WORK = Path.of("target", "baseline-gate").toAbsolutePath();

    private static Cli gate;

    private SuiteWork() {
    }

    /** The committed suite folder, given by the build ({@code glamibench.baselines}). */
    public static Path suiteFolder() {
        String folder = System.getProperty("glamibench.baselines");
        if (folder == null) {
            throw new IllegalStateException("run the tests with -Dglamibench.baselines=<repo>/results/baselines (the pom sets it)");
        }
        return Path.of(folder);
    }

    /** The gate's run over the committed suite, made once. */
    public static synchronized Cli gate() {
        if (gate == null) {
            gate = Cli.run("gate", "--suite", suiteFolder().toString(), "--work", WORK.toString());
        }
        return gate;
    }

    /** The suite's sample, as {@code --data}. */
    public static Path sample() {
        gate();
        return WORK.resolve("sample");
    }

    /** The models the gate trained on the sample, one folder per {@code train} line. */
    public static Path models() {
        gate();
        return WORK.resolve("models");
    }

    /** The fresh run (batch {@value BaselineSuite#BATCH}) of a reference model. */
    public static Path run(String model) {
        gate();
        Path run = WORK.resolve("runs").resolve(model);
        if (!Files.isDirectory(run)) {
            throw new IllegalStateException("no fresh run of " + model + ": the gate failed early:\n" + gate);
        }
        return run;
    }
}
