package org.glamibench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves XChart charts as files named after a base path: {@code <base>.png} and
 * {@code <base>.svg}, replacing files of those names. Drawing needs no display: without one,
 * Java on Linux runs headless by itself, and the {@code glami-bench} launcher sets
 * {@code java.awt.headless=true}.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /**
     * Saves the chart as {@code <base>.png}.
     *
     * @return the file written
     */
    public static Path savePng(Chart<?, ?> chart, Path base) throws IOException {
        Path png = withSuffix(base, ".png");
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return png;
    }

    /**
     * Saves the chart as {@code <base>.png} and {@code <base>.svg}.
     *
     * @return the files written, PNG first
     */
    public static List<Path> savePngAndSvg(Chart<?, ?> chart, Path base) throws IOException {
        Path png = savePng(chart, base);
        Path svg = withSuffix(base, ".svg");
        try (OutputStream out = Files.newOutputStream(svg)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        return List.of(png, svg);
    }

    private static Path withSuffix(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }
}
