package org.iclab.dsl;

import java.util.AbstractList;
import java.util.List;
import org.iclab.Iclab;
import org.iclab.spec.strategy.Strategy;

/**
 * What the word {@code all()} stands for: every strategy where a block takes strategies ({@code strategies all()},
 * Garg et al.'s whole set, {@link Iclab#all()}), and every layer where a probe takes layers
 * ({@code linear(target: weights(), layers: all())}, {@link org.iclab.spec.Layers#all()}). One word for "all of them",
 * read by what takes it.
 */
public final class Every extends AbstractList<Strategy> {
    private final List<Strategy> strategies = Iclab.all();

    Every() {
    }

    @Override
    public Strategy get(int index) {
        return strategies.get(index);
    }

    @Override
    public int size() {
        return strategies.size();
    }
}
