/**
 * Getting the GLAMI-1M zip onto disk and extracting it safely: resumable HTTP download with retries
 * and mirrors ({@link org.glamibench.download.HttpDownloader}), size and checksum verification before
 * anything is extracted, and extraction that refuses entries escaping the target and never leaves a
 * half-extracted folder under the dataset's name ({@link org.glamibench.download.DatasetDownloader}).
 *
 * <p>Failures throw {@link org.glamibench.download.DownloadException}; downloaded bytes are never
 * deleted on a failure, so a rerun resumes.
 *
 * <p>May import: org.glamibench.dataset, org.glamibench.files, org.glamibench.progress.
 */
package org.glamibench.download;
