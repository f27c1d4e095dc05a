package org.glamibench.download;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.glamibench.files.AtomicFiles;
import org.glamibench.files.FileTrees;
import org.glamibench.files.JsonFiles;
import org.glamibench.files.Sha256;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;

/**
 * Model weights downloaded into a cache folder and verified before every use. A file is kept under
 * its SHA-256, so the same weights are found whatever URL they came from, and a verified file is
 * never downloaded twice:
 * <ul>
 *   <li>{@code <cache>/weights/<sha256>/<file>}: the verified download;</li>
 *   <li>{@code <file>.part}: a download in progress, resumed by the next run (HTTP {@code Range});</li>
 *   <li>{@code <file>.rejected}: a download whose size or SHA-256 was wrong, kept for inspection and
 *       never used;</li>
 *   <li>{@code <file stem>/}: a zip's contents, extracted once (through {@code <file stem>.partial/});</li>
 *   <li>{@value #LOCK_FILE}: held while a run works in the folder.</li>
 * </ul>
 *
 * <p>Files whose SHA-256 is not published (see {@link #fetchTrustingFirstUse}) are trusted on first
 * use: the first complete download is kept and its size and SHA-256 recorded in
 * {@code <cache>/weights/}{@value #TRUSTED_FOLDER}{@code /<key>.json}; every later use checks the file
 * against that record as against a published checksum.
 */
public final class WeightsCache {
    /** The cache's subfolder for weights. */
    public static final String FOLDER = "weights";
    /** The lock file of a weights folder. */
    public static final String LOCK_FILE = ".lock";
    /** The subfolder of the weights folder holding the records of files trusted on first use. */
    public static final String TRUSTED_FOLDER = "trusted";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

    private final Path root;
    private final HttpDownloader http;
    private final ProgressOutput output;

    /**
     * @param cacheDir the cache folder; weights go to its {@value #FOLDER} subfolder
     */
    public WeightsCache(Path cacheDir, HttpDownloader http, ProgressOutput output) {
        this.root = cacheDir.resolve(FOLDER);
        this.http = Objects.requireNonNull(http, "http");
        this.output = Objects.requireNonNull(output, "output");
    }

    /**
     * A file to fetch.
     *
     * @param urls     where to get it, tried in order
     * @param fileName its name in the cache: letters, digits, '.', '_', '-'
     * @param size     its size in bytes, or {@link DatasetSource#UNKNOWN_SIZE}
     * @param sha256   its SHA-256, lower-case hex: required, weights are never used unverified
     */
    public record Artifact(List<URI> urls, String fileName, long size, String sha256) {
        /** @throws IllegalArgumentException for no URL, an unsafe file name, a bad size or SHA-256 */
        public Artifact {
            urls = List.copyOf(urls);
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("an artifact needs a URL");
            }
            if (!FILE_NAME.matcher(fileName).matches()) {
                throw new IllegalArgumentException("not a plain file name: '" + fileName + "'");
            }
            if (size < DatasetSource.UNKNOWN_SIZE) {
                throw new IllegalArgumentException("size must not be negative: " + size);
            }
            sha256 = sha256.toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("a SHA-256 is 64 hexadecimal digits, not '" + sha256 + "'");
            }
        }
    }

    /**
     * What {@link #fetch} did.
     *
     * @param file       the verified file
     * @param downloaded false when the verified file was already in the cache
     */
    public record Fetched(Path file, boolean downloaded) {
    }

    /** The weights folder, {@code <cache>/}{@value #FOLDER}. */
    public Path folder() {
        return root;
    }

    /** Where the artifact lies (or will lie) once verified. */
    public Path path(Artifact artifact) {
        return root.resolve(artifact.sha256()).resolve(artifact.fileName());
    }

    /**
     * The verified file: the cached one when it is there and still verifies, else a download
     * (resuming an earlier part), verified before it takes the file's name.
     *
     * @throws DownloadException when the download fails (its part is kept, a rerun resumes), or its
     *                           size or SHA-256 is wrong (it is moved to {@code <file>.rejected})
     */
    public Fetched fetch(Artifact artifact) {
        Path file = path(artifact);
        return locked(file.getParent(), () -> {
            if (Files.exists(file)) {
                String problem = problem(artifact, Files.size(file), FileDigest.sha256(file, output,
                        "hash " + artifact.fileName()));
                if (problem == null) {
                    output.println("Verified " + file + " (sha256 " + artifact.sha256() + ")");
                    return new Fetched(file, false);
                }
                Path rejected = reject(file);
                output.println(file + " no longer matches: " + problem + "; moved to " + rejected
                        + " and downloading again");
            }
            Path part = file.resolveSibling(artifact.fileName() + ".part");
            long have = Files.exists(part) ? Files.size(part) : 0;
            String size = artifact.size() == DatasetSource.UNKNOWN_SIZE ? ""
                    : " (" + ProgressMeter.formatBytes((double) artifact.size()) + ")";
            output.println((have > 0 ? "Resuming " + artifact.fileName() + size + " at byte " + have
                    : "Downloading " + artifact.fileName() + size) + " from " + artifact.urls().get(0) + " to " + part);
            HttpDownloader.Fetched fetched = http.fetch(artifact.urls(), part, artifact.size(),
                    Checksum.Algorithm.SHA256, output);
            String problem = problem(artifact, fetched.size(), Sha256.hex(fetched.digest()));
            if (problem != null) {
                Path rejected = reject(part);
                throw new DownloadException(artifact.fileName() + " from " + fetched.url() + ": " + problem
                        + ". Nothing of it is used; it is kept as " + rejected + " for inspection, and the next run"
                        + " downloads it again.");
            }
            AtomicFiles.move(part, file);
            output.println("Verified " + file + ": " + fetched.size() + " bytes, sha256 " + artifact.sha256());
            return new Fetched(file, true);
        });
    }

    /**
     * What {@link #fetchTrustingFirstUse} did.
     *
     * @param file     the verified file
     * @param sha256   its SHA-256, as recorded on first use
     * @param size     its size in bytes
     * @param recorded when its record was made, ISO-8601
     * @param firstUse true when this call downloaded it and made the record
     */
    public record Trusted(Path file, String sha256, long size, String recorded, boolean firstUse) {
    }

    /**
     * A file whose SHA-256 is not published, trusted on first use. With a record under {@code key}
     * (made by an earlier first use) the file is fetched and verified as with a published checksum.
     * Without one, it is downloaded (resuming an earlier part, checked against {@code size} when
     * known), kept under its SHA-256, and the record is written and printed.
     *
     * @param key  names the record: lower-case letters, digits, '.', '_', '-' (one per file and version)
     * @param size the size in bytes, or {@link DatasetSource#UNKNOWN_SIZE}
     * @throws DownloadException as {@link #fetch}, or when the record is unreadable
     */
    public Trusted fetchTrustingFirstUse(String key, List<URI> urls, String fileName, long size) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a record key: '" + key + "'");
        }
        Path record = root.resolve(TRUSTED_FOLDER).resolve(key + ".json");
        if (Files.exists(record)) {
            TrustRecord trusted = readRecord(record);
            Fetched fetched = fetch(new Artifact(urls, fileName, trusted.size(), trusted.sha256()));
            return new Trusted(fetched.file(), trusted.sha256(), trusted.size(), trusted.recorded(), false);
        }
        Path folder = root.resolve(TRUSTED_FOLDER).resolve(key + ".download");
        return locked(folder, () -> {
            Path part = folder.resolve(fileName + ".part");
            long have = Files.exists(part) ? Files.size(part) : 0;
            output.println((have > 0 ? "Resuming " + fileName + " at byte " + have : "Downloading " + fileName)
                    + " from " + urls.get(0) + " (first use: its SHA-256 is not published, so it will be recorded)");
            HttpDownloader.Fetched fetched = http.fetch(urls, part, size, Checksum.Algorithm.SHA256, output);
            if (size != DatasetSource.UNKNOWN_SIZE && fetched.size() != size) {
                Path rejected = reject(part);
                throw new DownloadException(fileName + " from " + fetched.url() + ": size mismatch: expected " + size
                        + " bytes, actual " + fetched.size() + " bytes; kept as " + rejected + ", never used");
            }
            String sha256 = Sha256.hex(fetched.digest());
            Path file = root.resolve(sha256).resolve(fileName);
            Files.createDirectories(file.getParent());
            AtomicFiles.moveReplacing(part, file);
            String recorded = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            JsonFiles.write(record, new TrustRecord(fetched.url().toString(), fileName, fetched.size(), sha256,
                    recorded));
            output.println("First use of " + fileName + ": " + fetched.size() + " bytes, sha256 " + sha256
                    + "; recorded in " + record + " and checked on every later use (trust on first use)");
            return new Trusted(file, sha256, fetched.size(), recorded, true);
        });
    }

    /** The record of a file trusted on first use, as written to {@code <key>.json}. */
    private record TrustRecord(String url, String file, long size, String sha256, String recorded) {
    }

    private static TrustRecord readRecord(Path record) {
        try {
            TrustRecord trusted = JsonFiles.MAPPER.readValue(record.toFile(), TrustRecord.class);
            if (trusted.sha256() == null || !SHA256.matcher(trusted.sha256()).matches() || trusted.size() < 0) {
                throw new DownloadException(record + ": not a record of a trusted file (sha256 and size are needed);"
                        + " delete it to download and record the file again");
            }
            return trusted;
        } catch (IOException e) {
            throw new DownloadException(record + ": unreadable record of a trusted file (" + e.getMessage()
                    + "); delete it to download and record the file again", e);
        }
    }

    /**
     * The contents of a verified zip in the cache, extracted once into a folder beside it named as
     * the zip without {@code .zip}; when every entry lies in one top folder, that folder is dropped.
     *
     * @param required a file name the zip must hold at its top (or in its single top folder)
     * @return the folder holding {@code required}
     * @throws DownloadException when the zip is unreadable, unsafe, or lacks {@code required}
     */
    public Path extracted(Path zip, String required) {
        String name = zip.getFileName().toString();
        String stem = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name + ".d";
        Path folder = zip.resolveSibling(stem);
        return locked(zip.getParent(), () -> {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                return folder;
            }
            Path partial = zip.resolveSibling(stem + ".partial");
            if (Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.delete(partial);
            }
            try (ZipFile zipFile = new ZipFile(zip.toFile())) {
                ZipExtractor.Plan plan = ZipExtractor.plan(zipFile, name, required::equals, name + " holds no "
                        + required + ", neither at its top nor in a single top folder; nothing was extracted");
                Files.createDirectory(partial);
                try {
                    ZipExtractor.extract(zipFile, plan, partial, output, name);
                } catch (RuntimeException e) {
                    FileTrees.delete(partial);
                    throw e;
                }
            } catch (ZipException e) {
                throw new DownloadException(zip + " is not a readable zip file (" + e.getMessage() + ")", e);
            }
            AtomicFiles.move(partial, folder);
            return folder;
        });
    }

    /** What is wrong with a file of this size and digest, or null. */
    private static String problem(Artifact artifact, long size, String sha256) {
        if (artifact.size() != DatasetSource.UNKNOWN_SIZE && size != artifact.size()) {
            return "size mismatch: expected " + artifact.size() + " bytes, actual " + size + " bytes";
        }
        if (!sha256.equals(artifact.sha256())) {
            return "sha256 mismatch: expected " + artifact.sha256() + ", actual " + sha256;
        }
        return null;
    }

    private static Path reject(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path rejected = file.resolveSibling((name.endsWith(".part") ? name.substring(0, name.length() - 5) : name)
                + ".rejected");
        Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
        return rejected;
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    /** Runs the work holding the folder's lock, so that two runs cannot write the same files. */
    private static <T> T locked(Path folder, Work<T> work) {
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    throw new DownloadException("another run is downloading into " + folder + "; wait until it ends");
                }
                return work.run();
            }
        } catch (IOException e) {
            throw new DownloadException("cannot use " + folder + ": " + e.getMessage(), e);
        }
    }
}
