package org.glamibench.download;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.files.AtomicFiles;
import org.glamibench.files.FileTrees;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;

/**
 * Puts a GLAMI-1M dataset into a folder: downloads the zip (or reuses a verified one), verifies it,
 * and extracts it to {@code <dir>/GLAMI-1M-dataset}.
 *
 * <p>Files in {@code <dir>}:
 * <ul>
 *   <li>{@code <zip>.part}: the download in progress; resumed by the next run, kept on any failure.</li>
 *   <li>{@code <zip>}: the download after its size and checksum were verified; kept after
 *       extraction, so that a re-extraction ({@code replaceExisting}) needs no download. It is
 *       verified again before each use.</li>
 *   <li>{@value #PARTIAL_FOLDER}: the extraction in progress, renamed to {@value #FOLDER} only when
 *       complete, so a half extraction is never taken for a dataset; removed if extraction fails,
 *       and by the next run if the process died.</li>
 *   <li>{@value #LOCK_FILE}: held while a run works in the folder, so two runs cannot mix their
 *       files; removed when the run ends, successful or not.</li>
 * </ul>
 */
public final class DatasetDownloader {

    /** The dataset folder's name. */
    public static final String FOLDER = DatasetLayout.FOLDER_NAME;
    /** The folder an extraction writes to before it is renamed to {@value #FOLDER}. */
    public static final String PARTIAL_FOLDER = FOLDER + ".partial";
    /** Where a replaced dataset folder is moved until the new one is in place. */
    public static final String REPLACED_FOLDER = FOLDER + ".replaced";
    /** The lock file of a download folder. */
    public static final String LOCK_FILE = ".glami-bench-download.lock";

    private final HttpDownloader http;
    private final ProgressOutput output;

    public DatasetDownloader(HttpDownloader http, ProgressOutput output) {
        this.http = Objects.requireNonNull(http, "http");
        this.output = Objects.requireNonNull(output, "output");
    }

    /**
     * What {@link #install} did.
     *
     * @param dataset    the extracted {@code GLAMI-1M-dataset} folder
     * @param zip        the verified zip it came from, kept
     * @param downloaded false when a verified zip was already there
     */
    public record Result(Path dataset, Path zip, boolean downloaded) {
    }

    /**
     * Downloads (unless {@code <dir>/<source.fileName()>} is there and verifies), verifies and
     * extracts {@code source} into {@code <dir>/GLAMI-1M-dataset}.
     *
     * @param replaceExisting whether an existing {@code GLAMI-1M-dataset} folder is replaced; it is
     *                        removed only after the new extraction is complete
     * @throws IllegalArgumentException when the dataset folder exists and {@code replaceExisting} is
     *                                  false; nothing is downloaded then
     * @throws DownloadException        when downloading, verifying or extracting failed; downloaded
     *                                  bytes are kept, and no dataset folder is created or changed
     */
    @SuppressWarnings("try") // the folder lock is held, unreferenced, for the whole install
    public Result install(DatasetSource source, Path dir, boolean replaceExisting) {
        Path dataset = dir.resolve(FOLDER);
        refuseExisting(dataset, replaceExisting);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DownloadException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        try (FolderLock lock = lock(dir)) {
            refuseExisting(dataset, replaceExisting);
            Path partial = dir.resolve(PARTIAL_FOLDER);
            Path replaced = dir.resolve(REPLACED_FOLDER);
            for (Path leftover : new Path[] {partial, replaced}) {
                if (Files.exists(leftover, LinkOption.NOFOLLOW_LINKS)) {
                    output.println("Removing " + leftover + ", left by an interrupted run");
                    FileTrees.delete(leftover);
                }
            }
            Path zip = dir.resolve(source.fileName());
            boolean downloaded = !Files.exists(zip);
            if (downloaded) {
                download(source, zip);
            } else {
                output.println("Found " + zip + "; checking it instead of downloading again");
                verify(zip, zip, Files.size(zip), () -> digestOf(zip, source.checksum()), source,
                        "It was not extracted; delete it to download again.");
            }
            extract(zip, partial);
            moveIntoPlace(partial, dataset, replaced);
            return new Result(dataset, zip, downloaded);
        } catch (IOException e) {
            throw new DownloadException("cannot use " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void refuseExisting(Path dataset, boolean replaceExisting) {
        if (!replaceExisting && Files.exists(dataset, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(dataset + " already exists, and replacing it was not asked for");
        }
    }

    private static FolderLock lock(Path dir) throws IOException {
        FolderLock lock = FolderLock.tryAcquire(dir.resolve(LOCK_FILE));
        if (lock == null) {
            throw new DownloadException("another download is working in " + dir + "; wait until it ends");
        }
        return lock;
    }

    private void download(DatasetSource source, Path zip) throws IOException {
        Path part = zip.resolveSibling(zip.getFileName() + ".part");
        long have = Files.exists(part) ? Files.size(part) : 0;
        String size = source.hasSize() ? " (" + ProgressMeter.formatBytes((double) source.size()) + ")" : "";
        output.println((have > 0 ? "Resuming " + zip.getFileName() + size + " at byte " + have : "Downloading "
                + zip.getFileName() + size) + " from " + source.urls().get(0) + " to " + part);
        if (source.hasSize()) {
            requireSpace(zip.getParent(), source.size() - have, "downloading " + zip.getFileName());
        }
        Checksum.Algorithm algorithm = source.checksum() == null ? null : source.checksum().algorithm();
        HttpDownloader.Fetched fetched = http.fetch(source.urls(), part, source.size(), algorithm, output);
        verify(part, zip, fetched.size(), fetched::digest, source, "It was downloaded from " + fetched.url()
                + ", is kept for inspection and was not extracted; delete it to download again from the start.");
        AtomicFiles.move(part, zip);
    }

    /**
     * Throws when the size or digest of {@code file} (to become {@code zip}) is not the expected one;
     * prints what was checked otherwise. The digest is asked for only when the size is right.
     */
    private void verify(Path file, Path zip, long size, Supplier<byte[]> digest, DatasetSource source,
                        String whatNow) {
        if (source.hasSize() && size != source.size()) {
            throw new DownloadException(file + ": size mismatch: expected " + source.size() + " bytes, actual "
                    + size + " bytes. " + whatNow);
        }
        Checksum checksum = source.checksum();
        if (checksum == null) {
            output.println("Not verified " + zip.getFileName() + " (" + size + " bytes): no checksum given");
            return;
        }
        String actual = HexFormat.of().formatHex(digest.get());
        if (!actual.equals(checksum.hex())) {
            throw new DownloadException(file + ": " + checksum.algorithm().label() + " mismatch: expected "
                    + checksum.hex() + ", actual " + actual + ". " + whatNow);
        }
        output.println("Verified " + zip.getFileName() + ": " + size + " bytes, " + checksum);
    }

    private byte[] digestOf(Path file, Checksum checksum) {
        MessageDigest digest = checksum.algorithm().newDigest();
        FileDigest.update(digest, file, output, "hash " + file.getFileName());
        return digest.digest();
    }

    private void extract(Path zip, Path partial) throws IOException {
        String zipName = zip.getFileName().toString();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            ZipExtractor.Plan plan = ZipExtractor.plan(zipFile, zipName);
            requireSpace(zip.getParent(), plan.bytes(), "extracting " + zipName);
            output.println("Extracting " + zipName + " (" + String.format(Locale.ROOT, "%,d", plan.files())
                    + " files, " + ProgressMeter.formatBytes((double) plan.bytes()) + ") to " + partial);
            Files.createDirectory(partial);
            try {
                ZipExtractor.extract(zipFile, plan, partial, output, zipName);
            } catch (RuntimeException e) {
                FileTrees.delete(partial);
                throw e;
            }
        } catch (ZipException e) {
            throw new DownloadException(zip + " is not a readable zip file (" + e.getMessage()
                    + "); it was not extracted. Delete it to download again.", e);
        }
    }

    private void moveIntoPlace(Path partial, Path dataset, Path replaced) throws IOException {
        boolean replacing = Files.exists(dataset, LinkOption.NOFOLLOW_LINKS);
        if (replacing) {
            AtomicFiles.move(dataset, replaced);
        }
        AtomicFiles.move(partial, dataset);
        if (replacing) {
            output.println("Removing the replaced dataset folder");
            FileTrees.delete(replaced);
        }
    }

    private static void requireSpace(Path dir, long bytes, String what) throws IOException {
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (bytes > usable) {
            throw new DownloadException("not enough disk space in " + dir + " for " + what + ": needs "
                    + ProgressMeter.formatBytes((double) bytes) + ", " + ProgressMeter.formatBytes((double) usable) + " free");
        }
    }
}
