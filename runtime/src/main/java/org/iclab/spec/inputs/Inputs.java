package org.iclab.spec.inputs;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How the inputs x of a prompt are sampled. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Inputs {
    /** What these inputs ask of the experiment's {@code task} (problems under {@code inputs}); none by default. */
    default java.util.List<org.iclab.spec.Problem> problemsWith(org.iclab.spec.task.Task task) {
        return java.util.List.of();
    }
}
