package org.glamibench.sample;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The 16 outlines of the sample's images. Each is a big, simple shape that fills most of the
 * frame, so that it stays recognisable at a quarter of the image's resolution (57x74 pixels).
 * Products of one family share an outline (all shoes are {@link #SNEAKER}s) and differ in their
 * {@link FillPattern}.
 *
 * <p>Shapes are given in object units: x in [-1, 1], y in [-1.3, 1.3], y pointing down; the painter
 * scales one unit to about 80-95 pixels.
 */
public enum Silhouette {
    /** Short-sleeved top. */
    TEE,
    /** Top with long sleeves. */
    LONG_SLEEVE,
    /** Long coat with long sleeves and a V neck. */
    COAT,
    /** A-line dress on thin straps. */
    DRESS,
    /** Long trousers, two legs. */
    TROUSERS,
    /** Short bottoms in the middle band. */
    SHORTS,
    /** Two-piece: two small triangles over one large. */
    SWIMWEAR,
    /** Low shoe, side view. */
    SNEAKER,
    /** Tall boot, side view. */
    BOOT,
    /** Sole seen from above with a V strap. */
    SANDAL,
    /** Wide body with a handle. */
    BAG,
    /** Dome with a brim. */
    HAT,
    /** Thick ring. */
    RING,
    /** Canopy on a stick. */
    UMBRELLA,
    /** Two round lenses and a bridge. */
    GLASSES,
    /** Wide diagonal band. */
    STRAP;

    /** The filled outline in object units. */
    public Shape shape() {
        return switch (this) {
            case TEE -> polygon(-0.32, -1.1, 0.32, -1.1, 1.0, -0.7, 0.78, -0.28, 0.55, -0.45, 0.55, 1.1,
                    -0.55, 1.1, -0.55, -0.45, -0.78, -0.28, -1.0, -0.7);
            case LONG_SLEEVE -> polygon(-0.32, -1.1, 0.32, -1.1, 0.8, -0.95, 1.0, 0.9, 0.72, 0.95,
                    0.5, -0.35, 0.5, 0.9, -0.5, 0.9, -0.5, -0.35, -0.72, 0.95, -1.0, 0.9, -0.8, -0.95);
            case COAT -> polygon(-0.3, -1.25, 0.0, -0.7, 0.3, -1.25, 0.85, -1.05, 1.0, 0.85, 0.72, 0.9,
                    0.62, -0.2, 0.75, 1.25, -0.75, 1.25, -0.62, -0.2, -0.72, 0.9, -1.0, 0.85, -0.85, -1.05);
            case DRESS -> polygon(-0.32, -1.25, -0.18, -1.25, -0.12, -0.95, 0.12, -0.95, 0.18, -1.25,
                    0.32, -1.25, 0.38, -0.3, 1.0, 1.25, -1.0, 1.25, -0.38, -0.3);
            case TROUSERS -> polygon(-0.62, -1.25, 0.62, -1.25, 0.78, 1.25, 0.15, 1.25, 0.0, -0.35,
                    -0.15, 1.25, -0.78, 1.25);
            case SHORTS -> polygon(-0.85, -0.6, 0.85, -0.6, 1.0, 0.6, 0.12, 0.6, 0.0, 0.1, -0.12, 0.6,
                    -1.0, 0.6);
            case SWIMWEAR -> union(
                    polygon(-0.95, -0.25, -0.08, -0.25, -0.42, -1.05),
                    polygon(0.08, -0.25, 0.95, -0.25, 0.42, -1.05),
                    new Rectangle2D.Double(-0.2, -0.42, 0.4, 0.12),
                    polygon(-0.9, 0.2, 0.9, 0.2, 0.0, 1.15));
            case SNEAKER -> polygon(-1.0, 0.1, -0.95, 0.95, 1.0, 0.95, 1.0, 0.6, 0.45, 0.3, 0.1, -0.2,
                    -0.5, -0.3, -0.72, 0.0);
            case BOOT -> polygon(-0.6, -1.25, 0.2, -1.25, 0.25, 0.3, 1.0, 0.6, 1.0, 1.2, -0.65, 1.2);
            case SANDAL -> union(
                    new Ellipse2D.Double(-0.55, -1.25, 1.1, 2.5),
                    new BasicStroke(0.16f).createStrokedShape(polyline(-0.75, 0.0, 0.0, -0.8, 0.75, 0.0)));
            case BAG -> union(
                    new Rectangle2D.Double(-0.95, -0.3, 1.9, 1.3),
                    ring(0.0, -0.3, 0.65, 0.45, 0, 180));
            case HAT -> union(
                    new Arc2D.Double(-0.68, -0.75, 1.36, 1.8, 0, 180, Arc2D.CHORD),
                    new Ellipse2D.Double(-1.0, -0.05, 2.0, 0.5));
            case RING -> ring(0.0, 0.0, 0.95, 0.52, 0, 360);
            case UMBRELLA -> union(
                    new Arc2D.Double(-1.0, -1.1, 2.0, 2.0, 0, 180, Arc2D.CHORD),
                    new Rectangle2D.Double(-0.08, -0.1, 0.16, 1.1),
                    ring(-0.25, 1.0, 0.33, 0.17, 180, 180));
            case GLASSES -> union(
                    new Ellipse2D.Double(-1.0, -0.45, 0.9, 0.9),
                    new Ellipse2D.Double(0.1, -0.45, 0.9, 0.9),
                    new Rectangle2D.Double(-0.2, -0.25, 0.4, 0.16));
            case STRAP -> polygon(-1.0, -0.75, -0.4, -1.25, 1.0, 0.75, 0.4, 1.25);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    private static Shape polyline(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        return path;
    }

    /** An annulus sector around (cx, cy), angles in degrees counter-clockwise from 3 o'clock. */
    private static Shape ring(double cx, double cy, double outer, double inner, double start, double extent) {
        Area area = new Area(new Arc2D.Double(cx - outer, cy - outer, 2 * outer, 2 * outer, start, extent, Arc2D.PIE));
        area.subtract(new Area(new Ellipse2D.Double(cx - inner, cy - inner, 2 * inner, 2 * inner)));
        return area;
    }

    private static Shape union(Shape... shapes) {
        Area area = new Area();
        for (Shape shape : shapes) {
            area.add(new Area(shape));
        }
        return area;
    }
}
