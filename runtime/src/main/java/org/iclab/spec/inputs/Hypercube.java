package org.iclab.spec.inputs;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.BooleanTask;
/**
 * Inputs uniform on the Boolean cube {−1, +1}^n: every active coordinate is −1 or +1 with probability ½ each;
 * coordinates at or past the curriculum's active dimensions are 0. The default inputs of the Boolean tasks
 * ({@link BooleanTask}); the word is {@code hypercube} because {@code boolean} is a keyword of Java and Groovy.
 *
 * <pre>
 * Java:   Iclab.hypercube()                   Groovy:  inputs hypercube()
 * </pre>
 */
@Setting("Inputs uniform on the Boolean cube {-1, +1}^n (Bhattamishra et al.); the default of the Boolean tasks.")
@Word("hypercube")
public record Hypercube() implements Inputs {
}
