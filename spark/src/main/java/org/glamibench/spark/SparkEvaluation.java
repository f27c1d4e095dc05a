package org.glamibench.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaSparkContext;
import org.glamibench.cli.SparkEvaluations;
import org.glamibench.eval.Evaluator;
import org.glamibench.harness.AdapterRecipe;
import org.glamibench.harness.Evaluation;
import org.glamibench.progress.ProgressOutput;

/**
 * {@code eval --spark}: runs an {@link Evaluation} with a {@link SparkScorer} in a Spark application
 * of its own (or the one already running in this JVM, as under {@code spark-submit}). Adapter jars
 * are shipped to the executors with {@link SparkContext#addFile}; the dataset must be at the same
 * path on every executor (a shared file system).
 */
public final class SparkEvaluation implements SparkEvaluations {

    @Override
    public Evaluator.Outcome evaluate(Evaluation evaluation, String master, Integer partitions, ProgressOutput progress)
            throws IOException, InterruptedException {
        boolean running = running();
        JavaSparkContext spark = context(master);
        try {
            return run(spark, evaluation, partitions, progress);
        } finally {
            if (!running) {
                spark.stop();
            }
        }
    }

    /** Whether a Spark application runs in this JVM already (as under {@code spark-submit}, or a test's). */
    public static boolean running() {
        return SparkContext$.MODULE$.getActive().isDefined(); // Spark's own check, public in bytecode
    }

    /**
     * The running Spark application of this JVM, or a new one on that master (a master set by
     * {@code spark-submit} wins). The web UI is off.
     */
    public static JavaSparkContext context(String master) {
        SparkConf conf = new SparkConf().setAppName("glami-bench").setIfMissing("spark.master", master)
                .setIfMissing("spark.ui.enabled", "false");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "localhost").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
    }

    /**
     * Runs the evaluation on that application.
     *
     * @param partitions partitions per wave; null for 4 x the application's task slots
     * @throws IllegalArgumentException for partitions below 1, two adapter jars of one file name, or
     *                                  as {@link Evaluation#run}
     */
    public static Evaluator.Outcome run(JavaSparkContext spark, Evaluation evaluation, Integer partitions,
                                        ProgressOutput progress) throws IOException, InterruptedException {
        AdapterRecipe recipe = evaluation.recipe();
        ship(spark, recipe);
        int count = partitions != null ? partitions : 4 * spark.defaultParallelism();
        return evaluation.run(progress, new SparkScorer(spark, recipe, count));
    }

    /** Ships the adapter jars to the executors, where they are found by file name. */
    private static void ship(JavaSparkContext spark, AdapterRecipe recipe) throws IOException {
        Map<String, String> byName = new HashMap<>();
        for (String jar : recipe.jars()) {
            Path path = Path.of(jar).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(jar + ": no such adapter jar");
            }
            String name = path.getFileName().toString();
            String other = byName.putIfAbsent(name, path.toString());
            if (other != null && !other.equals(path.toString())) {
                throw new IllegalArgumentException("--adapter-jar " + other + " and " + path + " have the same file name; "
                        + "Spark ships jars by file name: rename one");
            }
            if (!spark.sc().listFiles().contains(path.toFile().getCanonicalFile().toURI().toString())) {
                spark.addFile(path.toString());
            }
        }
    }
}
