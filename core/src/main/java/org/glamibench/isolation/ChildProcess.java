package org.glamibench.isolation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glamibench.isolation.ChildProtocol.Frame;
import org.glamibench.isolation.ChildProtocol.GarbageException;

/**
 * One running child JVM, seen from the harness: frames go to its standard input, a reader thread
 * turns its standard output into frames (or notices garbage, or the end), another passes its
 * standard error on line by line. Every wait is bounded: a child that does not answer in time is
 * ended (with every process it started). Used by one thread at a time.
 */
final class ChildProcess implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "glami-bench-child-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** Lines of standard error kept to explain an end (an OutOfMemoryError, say). */
    private static final int STDERR_TAIL = 30;
    /** Characters of one standard error line passed on; the rest of the line is dropped. */
    private static final int LINE_LIMIT = 4096;
    /** Lines of standard output passed on after garbage (a crash report, a stray print). */
    private static final int GARBAGE_LINES = 40;
    /** How long a child that ended its output, or wrote garbage, gets to exit by itself. */
    private static final long EXIT_WAIT_MILLIS = 3000;
    /** How long a child that began a fatal error report gets to finish it and exit. */
    private static final long CRASH_REPORT_WAIT_MILLIS = 30_000;
    /** The exit code of a JVM ended by {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";
    /** The first line of the JVM's fatal error report. */
    private static final String FATAL_ERROR = "A fatal error has been detected by the Java Runtime Environment";
    /** The signal line of the JVM's fatal error report: {@code #  SIGSEGV (0xb) at pc=...}. */
    private static final Pattern SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z]+) \\(0x");

    private final Process process;
    private final OutputStream toChild;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final List<String> garbageLines = new ArrayList<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final String heap;
    private final Path crashReport;
    private volatile boolean timedOut;

    /** The child's standard output ended; {@code garbage} says what was wrong with it, or null. */
    private record Ended(String garbage) {
    }

    /**
     * The child failed: crashed, exited, hung or wrote garbage. The message says which, as what
     * "its JVM" did: "exited with code 7 while scoring a batch of 2 items".
     */
    static final class ChildFailure extends Exception {
        ChildFailure(String message) {
            super(message, null, false, false);
        }
    }

    private ChildProcess(Process process, ChildSettings settings) {
        Consumer<String> stderr = settings.stderr();
        this.process = process;
        this.heap = settings.heap();
        this.crashReport = ChildCommand.crashReport(settings, process.pid());
        this.toChild = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        stdoutReader = new Thread(() -> readFrames(process.getInputStream(), stderr), "glami-bench-child-stdout");
        stdoutReader.setDaemon(true);
        stdoutReader.start();
        stderrReader = new Thread(() -> readLines(process.getErrorStream(), stderr, ""), "glami-bench-child-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /**
     * Starts a child.
     *
     * @param settings its settings: {@link ChildSettings#stderr()} receives the child's standard
     *                 error line by line; the heap is named when it runs out of memory
     * @throws ChildFailure when the process cannot be started
     */
    static ChildProcess start(List<String> command, ChildSettings settings) throws ChildFailure {
        try {
            return new ChildProcess(new ProcessBuilder(command).start(), settings);
        } catch (IOException e) {
            throw new ChildFailure("could not be started (" + command.get(0) + "): " + e.getMessage());
        }
    }

    /** Whether the process still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /** The exit code of an ended child. */
    int exitCode() {
        return process.exitValue();
    }

    /**
     * Waits for the child's next message.
     *
     * @param doing what the child is doing, for messages ("while opening the adapter")
     * @throws ChildFailure when it ends, writes garbage, or says nothing within the timeout (it is
     *                      then ended)
     */
    Frame await(Duration timeout, String doing) throws ChildFailure {
        return exchange(null, null, timeout, doing);
    }

    /**
     * Sends a message and waits for the answer, ending the child when none comes in time.
     *
     * @param type the message to send; null to send nothing and only wait
     * @throws ChildFailure when the child ends, writes garbage, or does not answer in time
     */
    Frame exchange(ChildProtocol.Type type, byte[] payload, Duration timeout, String doing) throws ChildFailure {
        timedOut = false;
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut = true;
            kill();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        Object event;
        try {
            if (type != null) {
                try {
                    ChildProtocol.write(toChild, type, payload);
                } catch (IOException e) {
                    // The child is gone or going: its standard output says how.
                }
            }
            event = events.poll(timeout.toMillis() + 2 * EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new ChildFailure("was ended: the harness was interrupted " + doing);
        } finally {
            watchdog.cancel(false);
        }
        if (event instanceof Frame frame) {
            return frame;
        }
        if (event == null || timedOut) {
            kill();
            throw new ChildFailure("gave no answer within " + timeout.toSeconds() + " s " + doing + ", and was ended");
        }
        String garbage = ((Ended) event).garbage();
        if (!exitedAfterOutput()) {
            kill();
            throw new ChildFailure(garbage != null
                    ? "wrote what is not a protocol frame to its standard output (" + garbage + ") " + doing
                            + ", and was ended (adapters print with System.out or System.err, never to FileDescriptor.out)"
                    : "closed its standard output " + doing + ", and was ended");
        }
        throw new ChildFailure(endOf(process.exitValue()) + " " + doing);
    }

    /**
     * Why a child ended with this exit code, from the code, its last standard error lines, and the
     * JVM's fatal error report on standard output (the JVM writes it there whatever the options).
     */
    private String endOf(int exitCode) {
        try {
            stdoutReader.join(EXIT_WAIT_MILLIS);
            stderrReader.join(EXIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String report = crashReport != null && Files.exists(crashReport) ? "; report " + crashReport : "";
        String fatal = fatalError();
        if (fatal != null) {
            return "crashed (" + fatal + ", a fatal error of the JVM such as a native crash" + report + ")";
        }
        String outOfMemory = exitCode == OUT_OF_MEMORY_EXIT ? lastOutOfMemoryLine() : null;
        if (outOfMemory != null) {
            String error = outOfMemory.substring(outOfMemory.indexOf(OUT_OF_MEMORY)).strip();
            return "ran out of memory (" + error + ", --adapter-heap " + heap + ")";
        }
        return switch (exitCode) {
            case 134 -> "crashed (exit code 134, SIGABRT, a fatal error such as a native crash" + report + ")";
            case 137 -> "was killed (exit code 137, SIGKILL: by the system's out-of-memory killer, say)";
            case 139 -> "crashed (exit code 139, SIGSEGV)";
            default -> exitCode > 128 ? "was killed by signal " + (exitCode - 128) + " (exit code " + exitCode + ")"
                    : "exited with code " + exitCode;
        };
    }

    /** The signal or kind of the JVM's fatal error report in the garbage lines; null when there is none. */
    private String fatalError() {
        synchronized (garbageLines) {
            if (garbageLines.stream().noneMatch(line -> line.contains(FATAL_ERROR))) {
                return null;
            }
            for (String line : garbageLines) {
                Matcher signal = SIGNAL.matcher(line);
                if (signal.find()) {
                    return signal.group(1);
                }
            }
            return "fatal error";
        }
    }

    private String lastOutOfMemoryLine() {
        synchronized (stderrTail) {
            String found = null;
            for (String line : stderrTail) {
                if (line.contains(OUT_OF_MEMORY)) {
                    found = line;
                }
            }
            return found;
        }
    }

    /**
     * Whether the child exits within seconds of ending its output or writing garbage; given longer
     * while it writes a fatal error report (the JVM exits when that is done).
     */
    private boolean exitedAfterOutput() {
        long start = System.nanoTime();
        while (!exited(50)) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (waited > (fatalError() != null ? CRASH_REPORT_WAIT_MILLIS : EXIT_WAIT_MILLIS)) {
                return false;
            }
        }
        return true;
    }

    private boolean exited(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ends the child and every process it started, at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Ends the child's input (it then exits by itself); ends it by force when it has not within seconds. */
    @Override
    public void close() {
        try {
            toChild.close();
        } catch (IOException e) {
            // already gone
        }
        if (!exited(EXIT_WAIT_MILLIS)) {
            kill();
            exited(EXIT_WAIT_MILLIS);
        }
    }

    private void readFrames(InputStream stdout, Consumer<String> stderr) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stdout, 1 << 16));
        String garbage = null;
        try {
            for (Frame frame = ChildProtocol.read(in, ChildProtocol.ANSWER_LIMIT); frame != null; frame = ChildProtocol.read(in, ChildProtocol.ANSWER_LIMIT)) {
                events.add(frame);
            }
        } catch (GarbageException e) {
            garbage = e.getMessage();
        } catch (IOException e) {
            // ended inside a frame: the child died while answering
        }
        events.add(new Ended(garbage));
        if (garbage != null) {
            readLines(in, stderr, "stdout: ");
        }
    }

    /** Passes a stream on line by line (cut at {@value #LINE_LIMIT} characters), keeping the last lines. */
    private void readLines(InputStream stream, Consumer<String> sink, String prefix) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int lines = 0;
        try (InputStream in = new BufferedInputStream(stream)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    pass(line, sink, prefix);
                    if (!prefix.isEmpty() && ++lines >= GARBAGE_LINES) {
                        return;
                    }
                } else if (line.size() < LINE_LIMIT) {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                pass(line, sink, prefix);
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private void pass(ByteArrayOutputStream bytes, Consumer<String> sink, String prefix) {
        String line = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        if (prefix.isEmpty()) {
            synchronized (stderrTail) {
                stderrTail.addLast(line);
                if (stderrTail.size() > STDERR_TAIL) {
                    stderrTail.removeFirst();
                }
            }
        } else {
            synchronized (garbageLines) {
                garbageLines.add(line);
            }
        }
        try {
            sink.accept(prefix + line);
        } catch (RuntimeException e) {
            // a failing sink must not stop the reading (the child would block on a full pipe)
        }
    }
}
