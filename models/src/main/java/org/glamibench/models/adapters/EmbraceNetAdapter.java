package org.glamibench.models.adapters;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.adapter.ItemInput;
import org.glamibench.adapter.Modality;
import org.glamibench.models.FusionInput;
import org.glamibench.models.FusionSettings;
import org.glamibench.models.folder.ModelKind;
import org.glamibench.models.TrainedModel;
import org.glamibench.models.input.ImagePreprocessing;
import org.glamibench.models.input.LabelSourceCode;
import org.glamibench.models.input.TextHasher;
import org.glamibench.models.nn.Batches;
import org.glamibench.published.Embracement;
import org.glamibench.run.ConfiguredAdapter;
import org.glamibench.stats.SeedMix;

/**
 * The {@code embracenet} adapter: EmbraceNet over the image and text encoders (and label_source
 * when the model was trained with it).
 *
 * <p>Modality selection ({@code --adapter-option embracement=expected|sampled}, as the published
 * model's adapter takes it) is {@code expected} by default: each docked feature weighted by its
 * selection probability, the expectation of the random draw; deterministic. {@code sampled} draws as
 * the original does at inference, per item from a generator seeded by the run seed and the item's
 * text, geo and label source, so an item gets the same draws in any batch and after a resume (its
 * scores then equal up to the float rounding of the batch's kernels, as for every model).
 * {@code stochastic=true|false} is the older spelling of {@code sampled|expected}. run.json records
 * the choice as {@code adapter.configuration.embracement}.
 */
public final class EmbraceNetAdapter extends TrainedModelAdapter<FusionInput> implements ConfiguredAdapter {
    /** The option choosing the modality selection: sampled or expected. */
    static final String EMBRACEMENT_OPTION = "embracement";
    /** The older option: stochastic=true is embracement=sampled. */
    static final String STOCHASTIC_OPTION = "stochastic";

    private FusionSettings settings;
    private ImagePreprocessing preprocessing;
    private TextHasher hasher;
    private boolean stochastic;
    private long seed;

    public EmbraceNetAdapter() {
        super(ModelKind.EMBRACENET, Modality.IMAGE_TEXT, "EmbraceNet fusion of the image and text baselines (built-in)");
    }

    @Override
    Set<String> options() {
        return Set.of(MODEL_OPTION, EMBRACEMENT_OPTION, STOCHASTIC_OPTION);
    }

    @Override
    void opened(TrainedModel model, AdapterContext context) {
        Embracement embracement = Embracement.ofLabel(context.option(EMBRACEMENT_OPTION, Embracement.EXPECTED.label()));
        if (context.options().containsKey(STOCHASTIC_OPTION)) {
            String value = context.option(STOCHASTIC_OPTION, "").toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("embracenet: --adapter-option stochastic must be true or false, got '"
                        + value + "'");
            }
            Embracement alias = value.equals("true") ? Embracement.SAMPLED : Embracement.EXPECTED;
            if (context.options().containsKey(EMBRACEMENT_OPTION) && alias != embracement) {
                throw new IllegalArgumentException("embracenet: --adapter-option stochastic=" + value + " contradicts "
                        + EMBRACEMENT_OPTION + "=" + embracement.label());
            }
            embracement = alias;
        }
        stochastic = embracement == Embracement.SAMPLED;
        seed = context.seed();
        settings = model.settings(FusionSettings.class);
        preprocessing = settings.image().preprocessing();
        hasher = settings.text().hasher();
    }

    @Override
    public FusionInput prepare(ItemInput item) {
        long drawSeed = stochastic ? SeedMix.goldenScaled(seed,
                (item.text() + '\u0000' + item.geo().code() + '\u0000' + item.labelSource()).hashCode()) : 0;
        return new FusionInput(preprocessing.floats(item.image()), hasher.ids(item.name(), item.description()),
                LabelSourceCode.position(item.labelSource()), drawSeed);
    }

    @Override
    public Map<String, String> configuration() {
        return Map.of("embracement", (stochastic ? Embracement.SAMPLED : Embracement.EXPECTED).label());
    }

    @Override
    NDList inputs(NDManager manager, List<FusionInput> batch) {
        NDList inputs = settings.batch(manager, batch);
        if (stochastic) {
            List<SplittableRandom> randoms = new ArrayList<>(batch.size());
            for (FusionInput item : batch) {
                randoms.add(new SplittableRandom(item.drawSeed()));
            }
            inputs.add(Batches.draws(manager, randoms, settings.dockSize()));
        }
        return inputs;
    }
}
