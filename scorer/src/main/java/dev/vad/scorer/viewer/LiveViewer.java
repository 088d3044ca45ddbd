package dev.vad.scorer.viewer;

import dev.vad.common.http.HttpAccess;
import dev.vad.scorer.ScoreObserver;
import dev.vad.scorer.evidence.EvidenceStore;
import java.time.Clock;
import java.util.Optional;

/**
 * The viewer as a scorer runs it: its state, fed by the scorer, and its server; when the settings turn it off,
 * neither, and the scorer gets {@link ScoreObserver#NONE}.
 */
public final class LiveViewer implements AutoCloseable {

    private final ViewerState state;
    private final ViewerServer server;
    private final HttpAccess access;

    private LiveViewer(ViewerState state, ViewerServer server, HttpAccess access) {
        this.state = state;
        this.server = server;
        this.access = access;
    }

    /**
     * @param maxStreams the scorer's stream cap, which bounds the viewer's state too
     * @throws IllegalStateException when the viewer's address cannot be bound
     */
    public static LiveViewer start(ViewerSettings settings, int maxStreams, Clock clock) {
        return start(settings, maxStreams, clock, null);
    }

    /**
     * A viewer that also lists the episodes stored in {@code evidence} (none when null).
     *
     * @throws IllegalStateException when the viewer's address cannot be bound
     */
    public static LiveViewer start(ViewerSettings settings, int maxStreams, Clock clock, EvidenceStore evidence) {
        if (!settings.enabled()) {
            return new LiveViewer(null, null, HttpAccess.OPEN);
        }
        ViewerState state = ViewerState.of(settings, maxStreams, clock);
        return new LiveViewer(state, ViewerServer.start(settings, state, evidence), settings.access());
    }

    /** What the scorer tells of each scored window. */
    public ScoreObserver observer() {
        return state == null ? ScoreObserver.NONE : state;
    }

    /**
     * The line that tells a user where the viewer is and, when it asks for a password, the user and where the
     * password is (a generated one's file; never the password).
     */
    public Optional<String> announcement() {
        return url().map(url -> "viewer at " + url + (!access.authenticated() ? ""
                : " (user " + access.credentials().user() + (access.generatedInto() == null
                        ? ")" : ", password generated into " + access.generatedInto() + ")")));
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
