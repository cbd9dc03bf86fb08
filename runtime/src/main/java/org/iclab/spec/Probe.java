package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One declared probe of a {@link ProbePlan}: a linear probe of a target, the per-layer read-out, the alignment of
 * layers with an algorithm's iterates, the attention maps, or a control for the linear probes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LinearProbe.class, name = "linear"),
    @JsonSubTypes.Type(value = ReadoutProbe.class, name = "readout"),
    @JsonSubTypes.Type(value = AlignmentProbe.class, name = "alignment"),
    @JsonSubTypes.Type(value = AttentionProbe.class, name = "attention"),
    @JsonSubTypes.Type(value = ControlProbe.class, name = "control")})
public sealed interface Probe permits LinearProbe, ReadoutProbe, AlignmentProbe, AttentionProbe, ControlProbe {
    /** The layers the probe reads, or null for a probe that reads no layers of its own (attention maps, controls). */
    default Layers layers() {
        return null;
    }
}
