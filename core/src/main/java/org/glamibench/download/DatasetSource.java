package org.glamibench.download;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A zip to download: where from, under which file name, and what it must be.
 *
 * @param urls     where to get it, tried in order (the first that works is used; a partial
 *                 download from one is resumed from the next); http or https
 * @param fileName the zip's file name in the download folder, e.g. {@code GLAMI-1M-dataset.zip}
 * @param size     the size in bytes, or {@link #UNKNOWN_SIZE}
 * @param checksum the expected digest, or {@code null} when the download is taken unverified
 */
public record DatasetSource(List<URI> urls, String fileName, long size, Checksum checksum) {

    /** Size of a source whose size is not known in advance. */
    public static final long UNKNOWN_SIZE = -1;
    /** File name used when a URL's path does not end in a usable {@code .zip} name. */
    public static final String FALLBACK_FILE_NAME = "GLAMI-1M-download.zip";

    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.zip");

    /**
     * @throws IllegalArgumentException when there is no URL, a URL is not absolute http or https,
     *                                  the file name is not a plain {@code .zip} name, or the size
     *                                  is negative other than {@link #UNKNOWN_SIZE}
     */
    public DatasetSource {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("a source needs at least one URL");
        }
        for (URI url : urls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException("not an http or https URL: " + url);
            }
        }
        Objects.requireNonNull(fileName, "fileName");
        if (!SAFE_FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("not a plain .zip file name: '" + fileName + "'");
        }
        if (size < UNKNOWN_SIZE) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    /**
     * A source at one URL, saved under the last segment of the URL's path when that is a plain
     * {@code .zip} name (letters, digits, {@code . _ -}), else under {@value #FALLBACK_FILE_NAME}.
     */
    public static DatasetSource of(URI url, long size, Checksum checksum) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String fileName = SAFE_FILE_NAME.matcher(last).matches() ? last : FALLBACK_FILE_NAME;
        return new DatasetSource(List.of(url), fileName, size, checksum);
    }

    /** Whether the size is known. */
    public boolean hasSize() {
        return size != UNKNOWN_SIZE;
    }

    /** This source fetched from {@code url} only. */
    public DatasetSource withUrl(URI url) {
        return new DatasetSource(List.of(url), fileName, size, checksum);
    }

    /** This source with another size. */
    public DatasetSource withSize(long size) {
        return new DatasetSource(urls, fileName, size, checksum);
    }

    /** This source with another expected digest; {@code null} takes it unverified. */
    public DatasetSource withChecksum(Checksum checksum) {
        return new DatasetSource(urls, fileName, size, checksum);
    }
}
