package org.glamibench.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.glamibench.dataset.Split;
import org.glamibench.progress.ProgressMeter;
import org.glamibench.progress.ProgressOutput;

/**
 * Extracts a dataset (or model) zip safely. All entry names are checked before anything is written: an entry
 * with an absolute path, a drive letter, a {@code ..} segment, a {@code :} or a NUL refuses the
 * whole zip. A backslash counts as a folder separator. When every entry lies in one top folder (as
 * {@code GLAMI-1M-dataset/} in the published zips), that folder is dropped, so the split CSVs land
 * directly in the target; macOS {@code __MACOSX/} metadata is skipped.
 */
final class ZipExtractor {

    private static final String MAC_METADATA = "__MACOSX";
    private static final Pattern DRIVE_LETTER = Pattern.compile("[A-Za-z]:.*");

    private ZipExtractor() {
    }

    /**
     * How to extract a zip, found by reading its entry names once.
     *
     * @param strip number of leading folders dropped from every entry (0, or 1 for a single top folder)
     * @param files number of files
     * @param bytes their uncompressed size, as far as the zip states it
     */
    record Plan(int strip, long files, long bytes) {
    }

    /**
     * Checks every entry name and works out where entries go. Reads names only, keeping none, so
     * that a zip of a million entries needs no memory for them.
     *
     * @throws DownloadException for an unsafe entry name, or a zip without a GLAMI-1M split CSV at its
     *                           top or in its single top folder
     */
    static Plan plan(ZipFile zip, String zipName) {
        return plan(zip, zipName, ZipExtractor::isSplitCsv, zipName + " holds no " + Split.TEST.csvFileName() + " or "
                + Split.TRAIN.csvFileName() + ", neither at its top nor in a single top folder, so it is not a"
                + " GLAMI-1M dataset zip; nothing was extracted");
    }

    /**
     * Like {@link #plan(ZipFile, String)} for a zip that must hold a file named as {@code marker}
     * accepts, at its top or in its single top folder.
     *
     * @param refusal the message when there is none
     * @throws DownloadException for an unsafe entry name, or no marker file
     */
    static Plan plan(ZipFile zip, String zipName, Predicate<String> marker, String refusal) {
        String top = null;
        boolean oneTop = true;
        boolean allInFolders = true;
        boolean markerAtTop = false;
        boolean markerOneDown = false;
        long files = 0;
        long bytes = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            String[] segments = segments(entry.getName(), zipName);
            if (skipped(segments)) {
                continue;
            }
            oneTop &= top == null || top.equals(segments[0]);
            top = segments[0];
            allInFolders &= segments.length > 1 || entry.isDirectory();
            if (!entry.isDirectory()) {
                files++;
                bytes += Math.max(0, entry.getSize());
                markerAtTop |= segments.length == 1 && marker.test(segments[0]);
                markerOneDown |= segments.length == 2 && marker.test(segments[1]);
            }
        }
        int strip = top != null && oneTop && allInFolders ? 1 : 0;
        if (!(strip == 1 ? markerOneDown : markerAtTop)) {
            throw new DownloadException(refusal);
        }
        return new Plan(strip, files, bytes);
    }

    /**
     * Writes the zip's entries under {@code target}, which must exist and be empty, as planned.
     *
     * @throws DownloadException when an entry cannot be read or written (what was written stays)
     */
    static void extract(ZipFile zip, Plan plan, Path target, ProgressOutput output, String zipName) {
        try (ProgressMeter meter = output.meter("extract " + zipName, ProgressMeter.Unit.count("files"),
                plan.files(), 0)) {
            Path createdFolder = target;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String[] segments = segments(entry.getName(), zipName);
                if (skipped(segments) || segments.length <= plan.strip()) {
                    continue;
                }
                Path destination = target.resolve(String.join("/",
                        Arrays.asList(segments).subList(plan.strip(), segments.length)));
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                if (!destination.getParent().equals(createdFolder)) {
                    createdFolder = Files.createDirectories(destination.getParent());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
                meter.add(1);
            }
            meter.finish();
        } catch (IOException e) {
            throw new DownloadException("cannot extract " + zipName + " into " + target + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static boolean skipped(String[] segments) {
        return segments.length == 0 || segments[0].equals(MAC_METADATA);
    }

    private static boolean isSplitCsv(String name) {
        return name.equals(Split.TEST.csvFileName()) || name.equals(Split.TRAIN.csvFileName());
    }

    /**
     * The non-empty, non-{@code .} segments of an entry name.
     *
     * @throws DownloadException when the name would lead outside the target
     */
    static String[] segments(String name, String zipName) {
        String path = name.replace('\\', '/');
        String reason = null;
        if (path.startsWith("/")) {
            reason = "it is an absolute path";
        } else if (DRIVE_LETTER.matcher(path).matches()) {
            reason = "it starts with a drive letter";
        } else if (path.indexOf(':') >= 0 || path.indexOf('\0') >= 0) {
            reason = "it holds a ':' or NUL character";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                reason = reason != null ? reason : "'..' leads outside the dataset folder";
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (reason != null) {
            throw new DownloadException(zipName + ": refusing entry '" + name + "': " + reason
                    + "; nothing was extracted");
        }
        return segments.toArray(String[]::new);
    }
}
