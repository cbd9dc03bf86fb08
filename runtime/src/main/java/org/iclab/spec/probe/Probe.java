package org.iclab.spec.probe;

import org.iclab.spec.Layers;
import org.iclab.spec.ProbePlan;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One declared probe of a {@link ProbePlan}: a linear probe of a target, the per-layer read-out, the alignment of
 * layers with an algorithm's iterates, the attention maps, or a control for the linear probes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Probe {
    /** The layers the probe reads, or null for a probe that reads no layers of its own (attention maps, controls). */
    default Layers layers() {
        return null;
    }

    /** The (probe, target) pairs of probes.csv's rows it writes, as a claim reads them; none for attention maps and controls. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    default java.util.List<java.util.Map.Entry<String, String>> rows() {
        return java.util.List.of();
    }
}
