package org.iclab.tokens;

import java.util.SplittableRandom;
import org.iclab.task.TokenClass;

/** Draws {@link Copying} sequences: {@code half} {@code nextInt} draws, then the separator and the copy. */
final class CopyingClass implements TokenClass<Copying> {
    @Override
    public Class<Copying> spec() {
        return Copying.class;
    }

    @Override
    public void draw(Copying task, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset) {
        int n = task.half();
        for (int i = 0; i < n; i++) {
            int symbol = 2 + rng.nextInt(task.vocabulary() - 2);
            ids[offset + i] = symbol;
            ids[offset + n + 1 + i] = symbol;
        }
        ids[offset + n] = Copying.SEPARATOR;
        int length = task.length();
        for (int t = 0; t < length; t++) {
            targets[offset + t] = t + 1 < length ? ids[offset + t + 1] : 0;
            mask[offset + t] = t >= n && t + 1 < length ? 1 : 0; // from the separator: predict the copy
        }
    }
}
