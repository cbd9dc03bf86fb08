package org.iclab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;

/** Writing a session's graph as a SavedModel that {@link SavedModelPredictor} (DJL) loads back. */
public final class SavedModels {
    private SavedModels() {
    }

    /** The method name TensorFlow Serving and Python's {@code tf.saved_model.load} expect of a predict signature. */
    public static final String PREDICT_METHOD = "tensorflow/serving/predict";

    /**
     * Exports {@code session}'s graph and variables into {@code dir} (tag {@code serve}) with one signature,
     * {@code serving_default} with method {@value #PREDICT_METHOD}, from the named inputs to the named outputs.
     */
    public static void export(Session session, Map<String, Operand<?>> inputs, Map<String, Operand<?>> outputs, Path dir) {
        Signature.Builder signature = Signature.builder().key(Signature.DEFAULT_KEY).methodName(PREDICT_METHOD);
        inputs.forEach(signature::input);
        outputs.forEach(signature::output);
        try {
            SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature.build(), session)).export();
        } catch (IOException ex) {
            throw new UncheckedIOException("could not export the model to " + dir, ex);
        }
    }
}
