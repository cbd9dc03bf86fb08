package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Prompts of the functions the model was trained on: each prompt follows a member of the training pool
 * ({@code train { pool tasks: M }}), drawn uniformly, with fresh inputs and noise (Raventós et al.'s evaluation on
 * the pretraining tasks). Without a pool of tasks every function is a training function, and these are the
 * experiment's own prompts.
 *
 * <pre>
 * Java:   Iclab.trainingTasks()  Groovy:  strategies standard(), trainingTasks()
 * </pre>
 */
@Setting("Prompts of the training pool's functions (fresh inputs); without a pool, the experiment's own prompts.")
@Word("trainingTasks")
public record TrainingTasks() implements Strategy {
}
