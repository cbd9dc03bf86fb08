package org.iclab.train;

/** The loss stopped being a finite number; the last checkpoint with a finite loss is kept. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
