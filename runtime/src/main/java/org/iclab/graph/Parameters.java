package org.iclab.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A model's trainable parameters in creation order: each a variable, its initialiser, and a placeholder with an
 * assign op through which values are set. Initial values are drawn here, in plain Java, from one seeded generator
 * in creation order, so a seed gives the same model on every machine.
 */
final class Parameters {
    /** One parameter: its variable, shape, initialiser, and the placeholder and op that assign it. */
    record Parameter(String name, Variable<TFloat32> variable, long[] shape, Init init, Placeholder<TFloat32> value, Op assign) {
        long size() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }
    }

    private final Ops tf;
    private final List<Parameter> all = new ArrayList<>();

    Parameters(Ops tf) {
        this.tf = tf;
    }

    /** Creates a parameter named {@code name} (slashes are sub-scopes) with an assign path. */
    Variable<TFloat32> create(String name, Init init, long... shape) {
        Variable<TFloat32> variable = named(tf, name).variable(Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> value = named(tf, "init/" + name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        Op assign = named(tf, "init_assign/" + name).assign(variable, value);
        all.add(new Parameter(name, variable, shape, init, value, assign));
        return variable;
    }

    List<Parameter> all() {
        return all;
    }

    List<Variable<TFloat32>> variables() {
        return all.stream().map(Parameter::variable).toList();
    }

    List<String> names() {
        return all.stream().map(Parameter::name).toList();
    }

    long count() {
        return all.stream().mapToLong(Parameter::size).sum();
    }

    /** Every parameter's first values, drawn from its initialiser with one generator seeded by {@code seed}, in creation order. */
    Map<String, float[]> draw(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Parameter p : all) {
            float[] v = new float[(int) p.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (p.init().kind()) {
                    case 'n' -> (float) (rng.nextGaussian() * p.init().scale());
                    case 'u' -> (float) ((rng.nextDouble() * 2 - 1) * p.init().scale());
                    case 'l' -> (float) Math.log(i % (int) p.init().scale() + 1);
                    default -> (float) p.init().scale();
                };
            }
            values.put(p.name(), v);
        }
        return values;
    }

    /** Sets the named parameters to the given values (flat, row-major); parameters not named keep theirs. */
    void assign(Session session, Map<String, float[]> values) {
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (Parameter p : all) {
                float[] v = values.get(p.name());
                if (v == null) {
                    continue;
                }
                if (v.length != p.size()) {
                    throw new IllegalArgumentException(p.name() + " has " + p.size() + " values, was given " + v.length);
                }
                TFloat32 t = TFloat32.tensorOf(Shape.of(p.shape()), DataBuffers.of(v, true, false));
                tensors.add(t);
                runner.feed(p.value(), t).addTarget(p.assign());
            }
            if (!tensors.isEmpty()) {
                runner.run().close();
            }
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    /** Current values of every parameter, by name. */
    Map<String, float[]> values(Session session) {
        Session.Runner runner = session.runner();
        all.forEach(p -> runner.fetch(p.variable()));
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Result r = runner.run()) {
            for (int i = 0; i < all.size(); i++) {
                out.put(all.get(i).name(), Tensors.read((TFloat32) r.get(i)));
            }
        }
        return out;
    }

    /** Ops whose next op is named by a slash-separated path (TensorFlow takes the slashes as sub-scopes). */
    static Ops named(Ops tf, String path) {
        String[] parts = path.split("/");
        Ops scoped = tf;
        for (int i = 0; i < parts.length - 1; i++) {
            scoped = scoped.withSubScope(parts[i]);
        }
        return scoped.withName(parts[parts.length - 1]);
    }
}
