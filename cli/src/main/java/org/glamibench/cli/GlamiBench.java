package org.glamibench.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.ServiceLoader;
import org.glamibench.dataset.DatasetException;
import org.glamibench.eval.RequestRefusedException;
import org.glamibench.files.IoFailures;
import org.glamibench.harness.Evaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code glami-bench} command line. Exit codes: 0 done, 1 the work failed, 2 bad usage or bad
 * input (a {@link DatasetException}, an {@link IllegalArgumentException}, a
 * {@link RequestRefusedException}, a path that cannot be written (permission denied, not a
 * directory) or a picocli usage error); file system failures are reported with their file and
 * reason in words. Besides its own commands it offers
 * those of every {@link CommandProvider} on the class path.
 */
@Command(name = "glami-bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Evaluation and benchmark harness for multilingual image-text classification on GLAMI-1M.",
        subcommands = {
            QuickstartCommand.class,
            SampleCommand.class,
            InspectCommand.class,
            DownloadCommand.class,
            TrainCommand.class,
            ValidateCommand.class,
            EvalCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            PerfCommand.class,
            TextFeaturesCommand.class,
            LeakageCommand.class
        })
public final class GlamiBench {

    /** Exit code when the work failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code for bad usage or bad input. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when the work was done and found problems (a check such as {@code inspect}). */
    public static final int EXIT_PROBLEMS = 3;

    private GlamiBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; never calls {@link System#exit}. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * The evaluation that {@code glami-bench eval} would run with these arguments, as a builder to
     * adjust before running it; nothing runs and nothing is printed.
     *
     * @param evalArguments the arguments after {@code eval}
     * @return the evaluation's builder
     * @throws IllegalArgumentException for arguments that {@code eval} refuses, with its message
     */
    public static Evaluation.Builder evaluation(List<String> evalArguments) {
        EvalCommand command = new EvalCommand();
        try {
            new CommandLine(command).parseArgs(evalArguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command.evaluation();
    }

    /**
     * A configured command line, for callers that capture its output: the harness's commands, then
     * those of the {@link CommandProvider}s found by the class loader of this class, then {@code help}.
     */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(GlamiBench.class);
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class, GlamiBench.class.getClassLoader())) {
            provider.commands().forEach(commandLine::addSubcommand);
        }
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        commandLine.setExecutionExceptionHandler(GlamiBench::handleFailure);
        return commandLine;
    }

    private static int handleFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = failure instanceof FileSystemException files && files.getFile() != null
                ? files.getFile() + (files.getOtherFile() != null ? " -> " + files.getOtherFile() : "") + ": "
                        + IoFailures.reason(files)
                : failure.getMessage() != null ? failure.getMessage() : failure.toString();
        err.println("error: " + message);
        err.flush();
        if (failure instanceof DatasetException || failure instanceof IllegalArgumentException
                || failure instanceof RequestRefusedException
                || (failure instanceof FileSystemException fileFailure && IoFailures.unusablePath(fileFailure))) {
            return EXIT_BAD_INPUT;
        }
        if (Boolean.getBoolean("glamibench.debug")) {
            failure.printStackTrace(err);
        }
        return EXIT_FAILED;
    }
}
