package org.glamibench.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Paints the sample's product photos: a light background with the product's {@link Silhouette}
 * filled with its {@link FillPattern}, in a random colour, at a random offset (about 12 pixels),
 * scale (0.78-0.95) and tilt (3 degrees). In {@value #P_HARD} of the images the product is hard to
 * see: either low contrast (a pale, greyish colour on the background) or half hidden behind a
 * rectangle. The image never shows the audience ({@code mens-} / {@code womens-} ...).
 *
 * <p>One painter per thread: it reuses its canvas and its JPEG writer. Output depends only on the
 * product and the random generator passed in.
 */
final class ProductPainter implements AutoCloseable {

    /** Image width in pixels, as published. */
    static final int WIDTH = 228;
    /** Image height in pixels, as published. */
    static final int HEIGHT = 298;
    static final double P_HARD = 0.1;
    static final float JPEG_QUALITY = 0.85f;

    /** Object units to pixels at scale 1. */
    private static final double UNIT = 100;
    private static final Map<Silhouette, Shape> SHAPES = new EnumMap<>(Silhouette.class);

    static {
        for (Silhouette silhouette : Silhouette.values()) {
            SHAPES.put(silhouette, silhouette.shape());
        }
    }

    private final BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);

    ProductPainter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer in this JVM");
        }
        writer = writers.next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
    }

    /**
     * The JPEG bytes of a photo of {@code product}.
     *
     * @param variation null for the sample's usual photo; else the generator of a distinct look
     *                  ({@link #paint(SampleProduct, SplittableRandom, SplittableRandom)})
     */
    byte[] jpeg(SampleProduct product, SplittableRandom random, SplittableRandom variation) throws IOException {
        return encode(paint(product, random, variation), JPEG_QUALITY);
    }

    /** The JPEG bytes of {@code image} at {@code quality} (0..1), with the painter's writer. */
    byte[] encode(BufferedImage image, float quality) throws IOException {
        param.setCompressionQuality(quality);
        buffer.reset();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        return buffer.toByteArray();
    }

    /**
     * Paints a photo of {@code product} on the painter's canvas and returns the canvas.
     *
     * <p>With a {@code variation} generator the photo is made distinct from every other: the
     * product is placed anywhere it fits, at 40-80% of the frame's size, tilted up to 15 degrees and
     * maybe mirrored, in any colour, on a background of a random two-colour gradient and a random
     * low-contrast texture (stripes, checks, dots or blotches at a random spacing and angle), with 3-6
     * large props or shadows of random tone, size and place (the layout of light and dark that
     * tells one photo from another, as a perceptual hash sees it). The
     * silhouette and its fill pattern, which tell the product, stay as they are; hard photos stay
     * hard. {@code random} is drawn from exactly as without a variation.
     */
    BufferedImage paint(SampleProduct product, SplittableRandom random, SplittableRandom variation) {
        boolean hard = random.nextDouble() < P_HARD;
        boolean lowContrast = hard && random.nextBoolean();

        Color background = Color.getHSBColor((float) random.nextDouble(), (float) (0.03 + 0.07 * random.nextDouble()),
                (float) (0.9 + 0.08 * random.nextDouble()));
        float hue = (float) random.nextDouble();
        Color main = lowContrast
                ? Color.getHSBColor(hue, (float) (0.05 + 0.15 * random.nextDouble()), (float) (0.74 + 0.1 * random.nextDouble()))
                : Color.getHSBColor(hue, (float) (0.3 + 0.55 * random.nextDouble()), (float) (0.25 + 0.4 * random.nextDouble()));
        Color light = mix(main, Color.WHITE, lowContrast ? 0.4 : 0.6);

        double scale = UNIT * (0.78 + 0.17 * random.nextDouble());
        double dx = (random.nextDouble() - 0.5) * 24;
        double dy = (random.nextDouble() - 0.5) * 24;
        double tilt = Math.toRadians((random.nextDouble() - 0.5) * 6);
        boolean mirror = false;

        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (variation == null) {
                g.setColor(background);
                g.fillRect(0, 0, WIDTH, HEIGHT);
            } else {
                background = paintDistinctBackground(g, variation);
                main = lowContrast
                        ? mix(background, Color.getHSBColor((float) variation.nextDouble(), 0.3f, 0.5f), 0.3)
                        : Color.getHSBColor((float) variation.nextDouble(), (float) (0.3 + 0.6 * variation.nextDouble()),
                                (float) (0.15 + 0.8 * variation.nextDouble()));
                light = mix(main, Color.WHITE, lowContrast ? 0.4 : 0.6);
                scale = UNIT * (0.4 + 0.4 * variation.nextDouble());
                dx = (variation.nextDouble() - 0.5) * Math.max(16, WIDTH - 2.4 * scale);
                dy = (variation.nextDouble() - 0.5) * Math.max(16, HEIGHT - 3.0 * scale);
                tilt = Math.toRadians((variation.nextDouble() - 0.5) * 30);
                mirror = variation.nextBoolean();
            }
            g.translate(WIDTH / 2.0 + dx, HEIGHT / 2.0 + dy);
            g.rotate(tilt);
            g.scale(mirror ? -scale : scale, scale);
            Shape shape = SHAPES.get(product.silhouette());
            fill(g, shape, product.pattern(), main, light, mix(background, Color.WHITE, 0.5));
            if (hard && !lowContrast) {
                occlude(g, random);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** Fills the canvas with a random gradient and texture; returns the background's mean colour. */
    private static Color paintDistinctBackground(Graphics2D g, SplittableRandom variation) {
        Color from = Color.getHSBColor((float) variation.nextDouble(), (float) (0.05 + 0.35 * variation.nextDouble()),
                (float) (0.7 + 0.3 * variation.nextDouble()));
        Color to = Color.getHSBColor((float) variation.nextDouble(), (float) (0.05 + 0.35 * variation.nextDouble()),
                (float) (0.55 + 0.45 * variation.nextDouble()));
        double angle = 2 * Math.PI * variation.nextDouble();
        float cx = WIDTH / 2f;
        float cy = HEIGHT / 2f;
        float rx = (float) (Math.cos(angle) * HEIGHT / 2);
        float ry = (float) (Math.sin(angle) * HEIGHT / 2);
        g.setPaint(new GradientPaint(cx - rx, cy - ry, from, cx + rx, cy + ry, to));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Color mean = mix(from, to, 0.5);
        // Large props and shadows: the layout of light and dark that tells one photo from another.
        int props = 3 + variation.nextInt(4);
        for (int k = 0; k < props; k++) {
            g.setColor(Color.getHSBColor((float) variation.nextDouble(), (float) (0.05 + 0.4 * variation.nextDouble()),
                    (float) (0.1 + 0.9 * variation.nextDouble())));
            double w = 50 + 150 * variation.nextDouble();
            double h = 50 + 150 * variation.nextDouble();
            double x = -w / 2 + (WIDTH + w / 2) * variation.nextDouble() - w / 4;
            double y = -h / 2 + (HEIGHT + h / 2) * variation.nextDouble() - h / 4;
            g.fill(variation.nextBoolean() ? new Ellipse2D.Double(x, y, w, h) : new Rectangle2D.Double(x, y, w, h));
        }
        g.setColor(mix(mean, variation.nextBoolean() ? Color.BLACK : Color.WHITE, 0.12 + 0.2 * variation.nextDouble()));
        AffineTransform plain = g.getTransform();
        g.rotate(Math.PI * variation.nextDouble(), cx, cy);
        double spacing = 8 + 40 * variation.nextDouble();
        double size = spacing * (0.2 + 0.5 * variation.nextDouble());
        double reach = HEIGHT + WIDTH;
        switch (variation.nextInt(5)) {
            case 0 -> { }
            case 1 -> {
                for (double y = -reach; y < reach; y += spacing) {
                    g.fill(new Rectangle2D.Double(-reach, y, 3 * reach, size));
                }
            }
            case 2 -> {
                for (double y = -reach; y < reach; y += spacing) {
                    for (double x = -reach; x < reach; x += spacing) {
                        if ((Math.round((x + y) / spacing) & 1) == 0) {
                            g.fill(new Rectangle2D.Double(x, y, spacing / 2, spacing / 2));
                        }
                    }
                }
            }
            case 3 -> {
                for (double y = -reach; y < reach; y += spacing) {
                    for (double x = -reach; x < reach; x += spacing) {
                        g.fill(new Ellipse2D.Double(x, y, size, size));
                    }
                }
            }
            default -> {
                for (int k = 0; k < 12; k++) {
                    double d = 20 + 90 * variation.nextDouble();
                    g.fill(new Ellipse2D.Double(-d + (WIDTH + d) * variation.nextDouble(),
                            -d + (HEIGHT + d) * variation.nextDouble(), d, d * (0.5 + variation.nextDouble())));
                }
            }
        }
        g.setTransform(plain);
        return mean;
    }

    private static void fill(Graphics2D g, Shape shape, FillPattern pattern, Color main, Color light, Color inside) {
        if (pattern == FillPattern.OUTLINE) {
            g.setColor(inside);
            g.fill(shape);
            g.setColor(main);
            g.setStroke(new BasicStroke(0.22f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
            return;
        }
        g.setColor(main);
        g.fill(shape);
        if (pattern == FillPattern.SOLID) {
            return;
        }
        Shape oldClip = g.getClip();
        g.clip(shape);
        g.setColor(light);
        switch (pattern) {
            case H_STRIPES -> {
                for (double y = -1.45; y < 1.5; y += 0.5) {
                    g.fill(new Rectangle2D.Double(-1.2, y, 2.4, 0.25));
                }
            }
            case V_STRIPES -> {
                for (double x = -1.1; x < 1.2; x += 0.5) {
                    g.fill(new Rectangle2D.Double(x, -1.5, 0.25, 3.0));
                }
            }
            case CHECKS -> {
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 6; j++) {
                        if ((i + j) % 2 == 0) {
                            g.fill(new Rectangle2D.Double(-1.2 + 0.5 * i, -1.5 + 0.5 * j, 0.5, 0.5));
                        }
                    }
                }
            }
            case DOTS -> {
                for (int row = 0; row < 7; row++) {
                    for (int col = 0; col < 6; col++) {
                        double x = -1.1 + 0.45 * col + (row % 2) * 0.225;
                        double y = -1.35 + 0.45 * row;
                        g.fill(new Ellipse2D.Double(x - 0.13, y - 0.13, 0.26, 0.26));
                    }
                }
            }
            case DIAGONAL -> {
                for (double k = -3.0; k < 3.0; k += 0.6) {
                    Path2D.Double band = new Path2D.Double();
                    band.moveTo(-1.5, -1.5 + k);
                    band.lineTo(-1.5, -1.2 + k);
                    band.lineTo(1.5, 1.8 + k);
                    band.lineTo(1.5, 1.5 + k);
                    band.closePath();
                    g.fill(band);
                }
            }
            case TWO_TONE -> g.fill(new Rectangle2D.Double(-1.5, 0.1, 3.0, 1.5));
            default -> throw new IllegalStateException(pattern.toString());
        }
        g.setClip(oldClip);
    }

    /** Covers 45-60% of the object's frame with a rectangle in an unrelated colour. */
    private static void occlude(Graphics2D g, SplittableRandom random) {
        g.setTransform(new AffineTransform());
        Color cover = Color.getHSBColor((float) random.nextDouble(), (float) (0.1 + 0.5 * random.nextDouble()),
                (float) (0.4 + 0.5 * random.nextDouble()));
        g.setColor(cover);
        double fraction = 0.45 + 0.15 * random.nextDouble();
        switch (random.nextInt(4)) {
            case 0 -> g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT * fraction));
            case 1 -> g.fill(new Rectangle2D.Double(0, HEIGHT * (1 - fraction), WIDTH, HEIGHT * fraction));
            case 2 -> g.fill(new Rectangle2D.Double(0, 0, WIDTH * fraction, HEIGHT));
            default -> g.fill(new Rectangle2D.Double(WIDTH * (1 - fraction), 0, WIDTH * fraction, HEIGHT));
        }
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() * (1 - t) + b.getRed() * t),
                (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
