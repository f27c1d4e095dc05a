package org.glamibench.leaderboard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.glamibench.dataset.Geo;

/**
 * A result published with the dataset ("GLAMI-1M: A Multilingual Image-Text Fashion Dataset", BMVC
 * 2022), on the real test split. Shown on the board of the real test split as a reference row,
 * never ranked: it was reported, not reproduced here, and has no stored predictions.
 *
 * @param model      the model as the paper names it
 * @param training   the training labels ("all labels" or "human labels only"); empty for zero-shot
 * @param modality   IMAGE, TEXT or IMAGE_TEXT, as in run.json
 * @param top1       top-1 accuracy
 * @param top5       top-5 accuracy
 * @param perGeoTop1 top-1 per geo where published; empty otherwise
 */
public record PaperResult(String model, String training, String modality, double top1, double top5,
                          Map<Geo, Double> perGeoTop1) {

    /** How the board marks these rows. */
    public static final String NOTE = "reported in the paper, not reproduced here";

    public PaperResult {
        perGeoTop1 = perGeoTop1.isEmpty() ? Map.of() : new EnumMap<>(perGeoTop1);
    }

    /** The paper's table, best first within each model. */
    public static final List<PaperResult> PAPER = List.of(
            new PaperResult("EmbraceNet text + image", "all labels", "IMAGE_TEXT", 0.697, 0.940, embraceNetPerGeo()),
            new PaperResult("EmbraceNet text + image", "human labels only", "IMAGE_TEXT", 0.694, 0.932, Map.of()),
            new PaperResult("EmbraceNet image", "all labels", "IMAGE", 0.685, 0.948, Map.of()),
            new PaperResult("EmbraceNet image", "human labels only", "IMAGE", 0.679, 0.943, Map.of()),
            new PaperResult("Fine-tuned ResNeXt-50 32x4d", "human labels only", "IMAGE", 0.642, 0.933, Map.of()),
            new PaperResult("Fine-tuned ResNeXt-50 32x4d", "all labels", "IMAGE", 0.631, 0.935, Map.of()),
            new PaperResult("EmbraceNet text", "human labels only", "TEXT", 0.613, 0.849, Map.of()),
            new PaperResult("EmbraceNet text", "all labels", "TEXT", 0.593, 0.840, Map.of()),
            new PaperResult("CLIP zero-shot image + text", "", "IMAGE_TEXT", 0.323, 0.745, Map.of()),
            new PaperResult("CLIP zero-shot image", "", "IMAGE", 0.289, 0.718, Map.of()),
            new PaperResult("CLIP zero-shot text", "", "TEXT", 0.265, 0.585, Map.of()));

    /** The model and its training labels, e.g. {@code EmbraceNet image (all labels)}. */
    public String label() {
        return training.isEmpty() ? model : model + " (" + training + ")";
    }

    /**
     * The paper's per-geo top-1 of EmbraceNet text + image; weighted by the test rows per geo they
     * give 0.697, the all-labels model's top-1.
     */
    private static Map<Geo, Double> embraceNetPerGeo() {
        Map<Geo, Double> top1 = new EnumMap<>(Geo.class);
        top1.put(Geo.CZ, 0.592);
        top1.put(Geo.SK, 0.805);
        top1.put(Geo.RO, 0.646);
        top1.put(Geo.GR, 0.589);
        top1.put(Geo.HU, 0.670);
        top1.put(Geo.BG, 0.726);
        top1.put(Geo.HR, 0.739);
        top1.put(Geo.ES, 0.626);
        top1.put(Geo.LT, 0.685);
        top1.put(Geo.SI, 0.683);
        top1.put(Geo.LV, 0.672);
        top1.put(Geo.TR, 0.720);
        top1.put(Geo.EE, 0.659);
        return top1;
    }
}
