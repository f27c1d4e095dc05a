package org.glamibench.download;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;

/**
 * Downloads one file over HTTP into a {@code .part} file, resuming what is already there.
 *
 * <ul>
 *   <li>An existing {@code .part} is resumed with a {@code Range} request: {@code 206} appends;
 *       {@code 200} means the server ignored the range, and the download restarts from byte 0;
 *       {@code 416} with the file's total equal to the part means the part is complete.</li>
 *   <li>Redirects are followed (at most {@value #MAX_REDIRECTS}), never from https to http.</li>
 *   <li>A cut or stalled connection (no byte for the read timeout), a timeout, HTTP 408, 429 or
 *       5xx is retried with resume, up to {@code attempts} times in a row without progress, waiting
 *       {@code firstRetryDelay}, then twice as long each time (at most a minute). Then, or on any
 *       other HTTP status, the next URL is tried, continuing the same part.</li>
 *   <li>The part is hashed while it is written; an existing part is hashed first.</li>
 * </ul>
 *
 * Uses {@link HttpURLConnection} rather than {@code java.net.http.HttpClient}, because only the
 * former has a read timeout that catches a connection stalled in the middle of a body; it honours
 * the standard {@code http(s).proxyHost} system properties.
 */
public final class HttpDownloader {

    /** At most this many redirects are followed per request. */
    public static final int MAX_REDIRECTS = 10;

    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);
    private static final int BUFFER_SIZE = 1 << 16;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes \\*/(\\d+)");

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int attempts;
    private final Duration firstRetryDelay;

    /**
     * @param connectTimeout  how long to wait for a connection
     * @param readTimeout     how long to wait for the next bytes before treating the connection as cut
     * @param attempts        tries per URL in a row that bring no new byte, at least 1
     * @param firstRetryDelay wait before the first retry; doubled for each following one
     */
    public HttpDownloader(Duration connectTimeout, Duration readTimeout, int attempts, Duration firstRetryDelay) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.attempts = attempts;
        this.firstRetryDelay = Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
    }

    /** Connect timeout 30 s, read timeout 60 s, 5 attempts per URL, retries after 2, 4, 8, 16 s. */
    public static HttpDownloader withDefaults() {
        return new HttpDownloader(Duration.ofSeconds(30), Duration.ofSeconds(60), 5, Duration.ofSeconds(2));
    }

    /**
     * A finished download.
     *
     * @param size   bytes in the part file
     * @param digest digest of the whole part file, or {@code null} when none was asked for
     * @param url    the URL the last bytes came from
     */
    public record Fetched(long size, byte[] digest, URI url) {
    }

    /**
     * Completes {@code part} from the first of {@code urls} that works. Returns when the part has
     * {@code expectedSize} bytes (or, with an unknown size, when the server's response is complete);
     * the content itself is not judged here.
     *
     * @param expectedSize the file's size, or {@link DatasetSource#UNKNOWN_SIZE}; a server offering
     *                     another size is not used
     * @param algorithm    the digest to compute over the whole part, or {@code null} for none
     * @throws DownloadException when no URL delivered the file, the part is larger than
     *                           {@code expectedSize}, or the part cannot be written; the part is kept
     */
    public Fetched fetch(List<URI> urls, Path part, long expectedSize, Checksum.Algorithm algorithm,
                         ProgressOutput output) {
        String label = label(part);
        try (PartFile file = PartFile.open(part, algorithm, output)) {
            if (expectedSize != DatasetSource.UNKNOWN_SIZE && file.size > expectedSize) {
                throw new DownloadException(part + " has " + file.size + " bytes, more than the expected "
                        + expectedSize + " bytes of " + label + ", so it is not a partial download of it. It is kept;"
                        + " delete it to download again from the start.");
            }
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                URI url = urls.get(i);
                try {
                    fetchFrom(url, file, expectedSize, output, label);
                    return new Fetched(file.size, file.digest == null ? null : file.digest.digest(), url);
                } catch (SourceFailed e) {
                    failures.add(url + ": " + e.getMessage());
                    if (i + 1 < urls.size()) {
                        output.println(label + ": giving up on " + url + " (" + e.getMessage() + "); trying "
                                + urls.get(i + 1));
                    }
                }
            }
            String kept = file.size > 0
                    ? " The partial download " + part + " (" + file.size + " bytes) is kept: a rerun resumes it;"
                    + " deleting it starts over."
                    : "";
            throw new DownloadException("could not download " + label + " from " + String.join("; ", failures)
                    + "." + kept);
        }
    }

    private void fetchFrom(URI url, PartFile file, long expectedSize, ProgressOutput output, String label)
            throws SourceFailed {
        int failuresInARow = 0;
        while (true) {
            long before = file.size;
            if (expectedSize != DatasetSource.UNKNOWN_SIZE && file.size == expectedSize) {
                return;
            }
            try {
                attempt(url, file, expectedSize, output, label);
                return;
            } catch (IOException e) {
                failuresInARow = file.size > before ? 1 : failuresInARow + 1;
                String reason = e.getMessage() != null ? e.getMessage() : e.toString();
                if (failuresInARow >= attempts) {
                    throw new SourceFailed(reason + " (" + attempts + " attempts in a row without progress)");
                }
                Duration delay = retryDelay(failuresInARow);
                output.println(String.format(Locale.ROOT, "%s: %s; retrying in %d s from byte %d (attempt %d of %d)",
                        label, reason, delay.toSeconds(), file.size, failuresInARow + 1, attempts));
                sleep(delay);
            }
        }
    }

    /**
     * One request from the part's current end; returns when the part is complete.
     *
     * @throws IOException when the connection failed or was cut, or the server asks to retry
     * @throws SourceFailed when this URL cannot deliver the file
     */
    private void attempt(URI url, PartFile file, long expectedSize, ProgressOutput output, String label)
            throws IOException, SourceFailed {
        HttpURLConnection connection = connect(url, file.size);
        try {
            int status = connection.getResponseCode();
            long from = file.size;
            boolean restart = false;
            long total;
            switch (status) {
                case HttpURLConnection.HTTP_PARTIAL -> {
                    String range = connection.getHeaderField("Content-Range");
                    Matcher matcher = range == null ? null : CONTENT_RANGE.matcher(range);
                    if (matcher == null || !matcher.matches() || Long.parseLong(matcher.group(1)) != from) {
                        throw new SourceFailed("asked for bytes from " + from + ", got Content-Range " + range);
                    }
                    total = matcher.group(3).equals("*") ? -1 : Long.parseLong(matcher.group(3));
                }
                case HttpURLConnection.HTTP_OK -> {
                    restart = from > 0;
                    total = connection.getContentLengthLong();
                }
                case 416 -> {
                    String range = connection.getHeaderField("Content-Range");
                    Matcher matcher = range == null ? null : UNSATISFIED_RANGE.matcher(range);
                    if (matcher == null || !matcher.matches()) {
                        throw new SourceFailed("the server cannot resume at byte " + from + " (HTTP 416) and does not"
                                + " say its size; if " + file.path + " is complete or not this file, delete it to"
                                + " start over");
                    }
                    total = Long.parseLong(matcher.group(1));
                    checkTotal(total, expectedSize);
                    if (total == from) {
                        return;
                    }
                    if (total > from) {
                        throw new SourceFailed("HTTP 416 for bytes from " + from + " of a file of " + total + " bytes");
                    }
                    throw new SourceFailed(file.path + " has " + from + " bytes, more than the " + total
                            + " bytes of the file on the server, so it is not a partial download of it; delete it"
                            + " to start over");
                }
                case HttpURLConnection.HTTP_CLIENT_TIMEOUT, 429 -> throw new IOException(httpStatus(connection));
                default -> {
                    if (status >= 500) {
                        throw new IOException(httpStatus(connection));
                    }
                    throw new SourceFailed(httpStatus(connection));
                }
            }
            checkTotal(total, expectedSize);
            if (restart) {
                output.println(label + ": the server does not resume downloads (it ignored the request for bytes"
                        + " from " + from + "); downloading from the start");
                file.restart();
            }
            long end = expectedSize != DatasetSource.UNKNOWN_SIZE ? expectedSize : total;
            copy(connection, file, end, output, label);
            if (end != -1 && file.size != end) {
                throw new IOException("connection closed at byte " + file.size + " of " + end);
            }
        } finally {
            connection.disconnect();
        }
    }

    private static void checkTotal(long total, long expectedSize) throws SourceFailed {
        if (total != -1 && expectedSize != DatasetSource.UNKNOWN_SIZE && total != expectedSize) {
            throw new SourceFailed("the server's file has " + total + " bytes, expected " + expectedSize);
        }
    }

    private static void copy(HttpURLConnection connection, PartFile file, long end, ProgressOutput output,
                             String label) throws IOException, SourceFailed {
        try (InputStream in = connection.getInputStream();
             ProgressMeter meter = output.meter(label, ProgressMeter.Unit.BYTES,
                     end == -1 ? ProgressMeter.UNKNOWN_TOTAL : end, file.size)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (end != -1 && file.size + n > end) {
                    throw new SourceFailed("the server sent more than " + end + " bytes");
                }
                file.append(buffer, n);
                meter.add(n);
            }
            if (end == -1 || file.size == end) {
                meter.finish();
            }
        }
    }

    /** Opens a GET from byte {@code from}, following redirects; the status is not judged here. */
    private HttpURLConnection connect(URI url, long from) throws IOException, SourceFailed {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = (HttpURLConnection) current.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setRequestProperty("User-Agent", "glami-bench");
            connection.setRequestProperty("Accept-Encoding", "identity");
            if (from > 0) {
                connection.setRequestProperty("Range", "bytes=" + from + "-");
            }
            int status = connection.getResponseCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return connection;
            }
            String location = connection.getHeaderField("Location");
            connection.disconnect();
            if (location == null) {
                throw new SourceFailed("HTTP " + status + " redirect without a Location");
            }
            if (redirects == MAX_REDIRECTS) {
                throw new SourceFailed("more than " + MAX_REDIRECTS + " redirects");
            }
            URI next;
            try {
                next = current.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new SourceFailed("redirect to an invalid URL: " + location);
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !(scheme.equals("http") && "http".equalsIgnoreCase(current.getScheme()))) {
                throw new SourceFailed("refusing a redirect from " + current.getScheme() + " to " + next);
            }
            current = next;
        }
    }

    private Duration retryDelay(int failuresInARow) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(failuresInARow - 1, 20));
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted while waiting to retry", e);
        }
    }

    private static String httpStatus(HttpURLConnection connection) throws IOException {
        String message = connection.getResponseMessage();
        return "HTTP " + connection.getResponseCode() + (message == null ? "" : " " + message);
    }

    /** The zip's name for messages: the part's file name without {@code .part}. */
    private static String label(Path part) {
        String name = part.getFileName().toString();
        return name.endsWith(".part") ? name.substring(0, name.length() - ".part".length()) : name;
    }

    /** This URL cannot deliver the file; another may. */
    private static final class SourceFailed extends Exception {
        SourceFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** The part file being written, its size and its running digest. */
    private static final class PartFile implements Closeable {
        final Path path;
        final MessageDigest digest;
        long size;
        private OutputStream out;

        private PartFile(Path path, MessageDigest digest, long size) {
            this.path = path;
            this.digest = digest;
            this.size = size;
        }

        static PartFile open(Path path, Checksum.Algorithm algorithm, ProgressOutput output) {
            MessageDigest digest = algorithm == null ? null : algorithm.newDigest();
            long size;
            if (!Files.exists(path)) {
                size = 0;
            } else if (digest != null) {
                size = FileDigest.update(digest, path, output, "hash " + path.getFileName());
            } else {
                try {
                    size = Files.size(path);
                } catch (IOException e) {
                    throw new DownloadException("cannot read " + path + ": " + e.getMessage(), e);
                }
            }
            return new PartFile(path, digest, size);
        }

        void append(byte[] buffer, int length) {
            try {
                if (out == null) {
                    out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                out.write(buffer, 0, length);
            } catch (IOException e) {
                throw new DownloadException("cannot write " + path + ": " + e.getMessage()
                        + "; what was written is kept, and a rerun resumes after it", e);
            }
            if (digest != null) {
                digest.update(buffer, 0, length);
            }
            size += length;
        }

        /** Empties the part, to download again from byte 0. */
        void restart() {
            close();
            try {
                Files.newOutputStream(path, StandardOpenOption.TRUNCATE_EXISTING).close();
            } catch (IOException e) {
                throw new DownloadException("cannot empty " + path + ": " + e.getMessage(), e);
            }
            if (digest != null) {
                digest.reset();
            }
            size = 0;
        }

        @Override
        public void close() {
            if (out == null) {
                return;
            }
            try {
                out.close();
            } catch (IOException e) {
                throw new DownloadException("cannot write " + path + ": " + e.getMessage(), e);
            } finally {
                out = null;
            }
        }
    }
}
