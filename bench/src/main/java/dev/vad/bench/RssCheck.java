package dev.vad.bench;

import dev.vad.model.Autoencoder;
import dev.vad.model.ModelSpec;
import dev.vad.model.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vad bench train --rss-steps N}: trains one model (compact 3D by default) for {@code N} steps on one
 * reused batch and samples the process's resident memory every {@code every} steps.
 */
public final class RssCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RssCheck.class);

    private final LongSupplier residentBytes;

    /** Samples {@code /proc/self/status} VmRSS. */
    public RssCheck() {
        this(new ProcStatus(ProcStatus.SELF)::residentBytes);
    }

    /** @param residentBytes the memory probe */
    public RssCheck(LongSupplier residentBytes) {
        this.residentBytes = residentBytes;
    }

    /** The case {@code vad bench train --rss-steps} uses: compact, 3D, from {@code options}' shape. */
    public static BenchCase defaultCase(ModelBenchOptions options) {
        return new BenchCase(Preset.COMPACT, 3, 1, List.of(options.frames(), options.height(), options.width()));
    }

    /** Trains {@code c} for {@code steps} steps (batch, threads and seed from {@code options}). */
    public RssReport run(ModelBenchOptions options, BenchCase c, int steps, int every) {
        if (steps < 1 || every < 1 || every > steps) {
            throw new IllegalArgumentException("expected 1 <= every <= steps, found steps " + steps + ", every "
                    + every);
        }
        NativeThreads.use(options.threads());
        Autoencoder model = Autoencoder.create(ModelSpec.of(c.preset(), c.channels(), options.seed(), c.lengths()));
        INDArray batch = ModelBenchmark.uniformBatch(options.seed(), c.batchShape(options.batch()));
        List<Long> samples = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            double loss = model.fit(batch);
            if (step % every == 0) {
                long rss = residentBytes.getAsLong();
                samples.add(rss);
                LOG.info("step {}: loss {} rss {} MB", step, loss, rss / 1_000_000);
            }
        }
        batch.close();
        return new RssReport(c, steps, every, samples);
    }
}
