package dev.vad.scorer.viewer;

import dev.vad.scorer.ScoreObserver;
import java.time.Clock;
import java.util.Optional;

/**
 * The viewer as a scorer runs it: its state, fed by the scorer, and its server; when the settings turn it off,
 * neither, and the scorer gets {@link ScoreObserver#NONE}.
 */
public final class LiveViewer implements AutoCloseable {

    private final ViewerState state;
    private final ViewerServer server;

    private LiveViewer(ViewerState state, ViewerServer server) {
        this.state = state;
        this.server = server;
    }

    /**
     * @param maxStreams the scorer's stream cap, which bounds the viewer's state too
     * @throws IllegalStateException when the viewer's address cannot be bound
     */
    public static LiveViewer start(ViewerSettings settings, int maxStreams, Clock clock) {
        if (!settings.enabled()) {
            return new LiveViewer(null, null);
        }
        ViewerState state = ViewerState.of(settings, maxStreams, clock);
        return new LiveViewer(state, ViewerServer.start(settings, state));
    }

    /** What the scorer tells of each scored window. */
    public ScoreObserver observer() {
        return state == null ? ScoreObserver.NONE : state;
    }

    /** The page's address, when the viewer is on. */
    public Optional<String> url() {
        return server == null ? Optional.empty() : Optional.of(server.url());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
