package org.iclab.graph;

import java.util.List;
import org.iclab.spec.Extension;
import org.iclab.spec.model.AttentionClassifier;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.model.Gru;
import org.iclab.spec.model.LinearAttention;
import org.iclab.spec.model.Looped;
import org.iclab.spec.model.Lstm;
import org.iclab.spec.model.Mamba;
import org.iclab.spec.Registration;
import org.iclab.spec.model.RetNet;

/** The words this package compiles: prompt formats, architectures and the optimizer. One line a word. */
public final class GraphRegistration implements Registration {
    @Override
    public List<Extension> extensions() {
        return List.of(
                new InterleavedFormat(),
                new StackedFormat(),
                new TokensFormat(),

                Architecture.of(Gpt2.class, Gpt2Graph::build, Gpt2.PRESETS),
                Architecture.of(LinearAttention.class, LinearAttentionGraph::build),
                Architecture.of(Looped.class, LoopedGraph::build),
                Architecture.recurrent(Lstm.class, LstmGraph::build),
                Architecture.recurrent(Gru.class, GruGraph::build),
                Architecture.of(RetNet.class, RetNetGraph::build),
                Architecture.of(AttentionClassifier.class, AttentionClassifierGraph::build),
                Architecture.recurrent(Mamba.class, MambaGraph::build),

                AdamUpdates.rule(),
                SgdUpdates.rule());
    }
}
