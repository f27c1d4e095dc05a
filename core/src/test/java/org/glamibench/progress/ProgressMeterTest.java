package org.glamibench.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    private static final long MIB = 1L << 20;
    private static final long MILLIS = 1_000_000L;
    private static final String NL = System.lineSeparator();

    private final AtomicLong clock = new AtomicLong(1_000 * MILLIS);
    private final StringWriter written = new StringWriter();

    private ProgressMeter meter(String label, ProgressMeter.Unit unit, long total, long initial, boolean interactive) {
        return new ProgressMeter(label, unit, total, initial,
                new ProgressOutput(new PrintWriter(written), interactive), clock::get);
    }

    private void advanceMillis(long millis) {
        clock.addAndGet(millis * MILLIS);
    }

    @Test
    void terminalLineShowsAmountPercentRateAndEtaAndRedrawsAtMostFiveTimesASecond() {
        ProgressMeter meter = meter("file.zip", ProgressMeter.Unit.BYTES, 10 * MIB, 0, true);
        String start = "file.zip  0 B / 10.0 MiB  0.0%  -- B/s  ETA --:--";
        assertThat(written.toString()).isEqualTo("\r" + start);

        advanceMillis(2000);
        meter.add(4 * MIB);
        String twoSeconds = "file.zip  4.0 MiB / 10.0 MiB  40.0%  2.0 MiB/s  ETA 00:03";
        assertThat(written.toString()).isEqualTo("\r" + start + "\r" + twoSeconds);

        advanceMillis(100);
        meter.add(MIB);
        assertThat(written.toString()).as("no redraw 100 ms after the last").endsWith(twoSeconds);

        advanceMillis(400);
        meter.add(MIB);
        String later = "file.zip  6.0 MiB / 10.0 MiB  60.0%  2.4 MiB/s  ETA 00:02";
        assertThat(written.toString()).endsWith("\r" + later);

        advanceMillis(2500);
        meter.add(4 * MIB);
        String full = "file.zip  10.0 MiB / 10.0 MiB  100.0%  2.0 MiB/s  ETA 00:00";
        assertThat(written.toString()).endsWith("\r" + full);

        meter.finish();
        String summary = "file.zip: 10.0 MiB in 00:05 (2.0 MiB/s)";
        assertThat(written.toString()).endsWith("\r" + full + "\r" + summary
                + " ".repeat(full.length() - summary.length()) + NL);

        meter.close();
        meter.finish();
        assertThat(written.toString()).as("nothing after the end").endsWith(summary
                + " ".repeat(full.length() - summary.length()) + NL);
    }

    @Test
    void offTerminalOnlyTheSummaryIsPrinted() {
        ProgressMeter meter = meter("file.zip", ProgressMeter.Unit.BYTES, 10 * MIB, 0, false);
        advanceMillis(2000);
        meter.add(4 * MIB);
        advanceMillis(3000);
        meter.add(6 * MIB);
        assertThat(written.toString()).isEmpty();

        meter.finish();
        meter.finish();
        meter.close();
        assertThat(written.toString()).isEqualTo("file.zip: 10.0 MiB in 00:05 (2.0 MiB/s)" + NL);
    }

    @Test
    void closingWithoutFinishingEndsTheTerminalLineAndPrintsNothingElsewhere() {
        ProgressMeter onTerminal = meter("x", ProgressMeter.Unit.BYTES, 100, 0, true);
        advanceMillis(1000);
        onTerminal.add(50);
        onTerminal.close();
        assertThat(written.toString()).endsWith("\rx  50 B / 100 B  50.0%  50 B/s  ETA 00:01" + NL);

        written.getBuffer().setLength(0);
        ProgressMeter inLog = meter("x", ProgressMeter.Unit.BYTES, 100, 0, false);
        inLog.add(50);
        inLog.close();
        assertThat(written.toString()).isEmpty();
    }

    @Test
    void resumedWorkCountsTheInitialAmountTowardsTheTotalButNotTheRate() {
        ProgressMeter meter = meter("dl", ProgressMeter.Unit.BYTES, 100 * MIB, 40 * MIB, false);
        advanceMillis(10_000);
        meter.add(30 * MIB);

        assertThat(meter.done()).isEqualTo(70 * MIB);
        assertThat(meter.line(clock.get())).isEqualTo("dl  70.0 MiB / 100.0 MiB  70.0%  3.0 MiB/s  ETA 00:10");
        assertThat(meter.summary(clock.get())).isEqualTo("dl: 30.0 MiB in 00:10 (3.0 MiB/s), resumed at 40.0 MiB");
    }

    @Test
    void countsWithUnknownTotalShowAmountRateAndElapsedTime() {
        ProgressMeter meter = meter("extract", ProgressMeter.Unit.count("files"), ProgressMeter.UNKNOWN_TOTAL, 0, false);
        advanceMillis(2000);
        meter.add(1234);
        assertThat(meter.line(clock.get())).isEqualTo("extract  1,234 files  617 files/s  00:02");

        advanceMillis(3_600_000);
        meter.add(23_456_788);
        assertThat(meter.line(clock.get())).isEqualTo("extract  23,458,022 files  6,512 files/s  1:00:02");
        assertThat(meter.summary(clock.get())).isEqualTo("extract: 23,458,022 files in 1:00:02 (6,512 files/s)");
    }

    @Test
    void slowCountsKeepOneDecimalAndAStalledMeterHasNoEta() {
        ProgressMeter meter = meter("eval", ProgressMeter.Unit.count("items"), 100, 0, false);
        advanceMillis(4000);
        assertThat(meter.line(clock.get())).isEqualTo("eval  0 items / 100 items  0.0%  0.0 items/s  ETA --:--");
        meter.add(10);
        assertThat(meter.line(clock.get())).isEqualTo("eval  10 items / 100 items  10.0%  2.5 items/s  ETA 00:36");
    }

    @Test
    void aDetailFollowsTheRateOnTheLineAndEndsTheSummary() {
        ProgressMeter meter = meter("epoch 1/3", ProgressMeter.Unit.count("items"), 100, 0, false);
        advanceMillis(2000);
        meter.add(50);
        meter.detail("loss 2.310  acc 0.412");
        assertThat(meter.line(clock.get()))
                .isEqualTo("epoch 1/3  50 items / 100 items  50.0%  25 items/s  ETA 00:02  loss 2.310  acc 0.412");
        assertThat(meter.summary(clock.get())).isEqualTo("epoch 1/3: 50 items in 00:02 (25 items/s), loss 2.310  acc 0.412");
        meter.detail(" ");
        assertThat(meter.summary(clock.get())).isEqualTo("epoch 1/3: 50 items in 00:02 (25 items/s)");
    }

    @Test
    void bytesUseBinaryPrefixesWithOneDecimal() {
        assertThat(ProgressMeter.formatBytes(0)).isEqualTo("0 B");
        assertThat(ProgressMeter.formatBytes(1023)).isEqualTo("1023 B");
        assertThat(ProgressMeter.formatBytes(1024)).isEqualTo("1.0 KiB");
        assertThat(ProgressMeter.formatBytes(1536)).isEqualTo("1.5 KiB");
        assertThat(ProgressMeter.formatBytes(MIB - 1)).isEqualTo("1.0 MiB");
        assertThat(ProgressMeter.formatBytes(1_393_501_262L)).isEqualTo("1.3 GiB");
        assertThat(ProgressMeter.formatBytes(11_227_139_414L)).isEqualTo("10.5 GiB");
        assertThat(ProgressMeter.formatBytes(3.5 * (1L << 40))).isEqualTo("3.5 TiB");
    }

    @Test
    void durationsAreMinutesAndSecondsWithHoursWhenNeeded() {
        assertThat(ProgressMeter.formatDuration(0)).isEqualTo("00:00");
        assertThat(ProgressMeter.formatDuration(59)).isEqualTo("00:59");
        assertThat(ProgressMeter.formatDuration(754)).isEqualTo("12:34");
        assertThat(ProgressMeter.formatDuration(3599)).isEqualTo("59:59");
        assertThat(ProgressMeter.formatDuration(3600)).isEqualTo("1:00:00");
        assertThat(ProgressMeter.formatDuration(3723)).isEqualTo("1:02:03");
        assertThat(ProgressMeter.formatDuration(90_061)).isEqualTo("25:01:01");
    }
}
