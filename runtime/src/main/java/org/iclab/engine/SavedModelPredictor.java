package org.iclab.engine;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.iclab.task.PromptBatch;

/**
 * A run's exported {@code model/} loaded through DJL's {@link Criteria} on the TensorFlow engine: what a user who
 * never saw iclab's training code would do to use the model.
 */
public final class SavedModelPredictor implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private SavedModelPredictor(ZooModel<NDList, NDList> model) {
        this.model = model;
        this.predictor = model.newPredictor();
    }

    public static SavedModelPredictor load(Path modelDir) {
        NativeLibraries.ensureLoaded();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(modelDir)
                .optEngine("TensorFlow")
                .optOption("Tags", "serve")
                .optOption("SignatureDefKey", "serving_default")
                .build();
        try {
            return new SavedModelPredictor(criteria.loadModel());
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("could not load the SavedModel in " + modelDir + ": " + e.getMessage(), e);
        }
    }

    /** Predictions [batch·points] for every x position, as the training session computes them. */
    public float[] predict(PromptBatch batch) {
        try (NDManager manager = NDManager.newBaseManager("TensorFlow")) {
            NDArray xs = manager.create(batch.xs(), new Shape(batch.batch(), batch.points(), batch.dims()));
            xs.setName("xs");
            NDArray ys = manager.create(batch.ys(), new Shape(batch.batch(), batch.points()));
            ys.setName("ys");
            NDList out = predictor.predict(new NDList(xs, ys));
            return out.singletonOrThrow().toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction through DJL failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
