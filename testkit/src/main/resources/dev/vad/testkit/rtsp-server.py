"""An RTSP server on loopback for the tests, as an IP camera serves video: GStreamer's RTSP server.

Serves a test pattern as H.264 (x264, no B-frames) at rtsp://127.0.0.1:PORT/stream over TCP (interleaved) and
UDP, each client getting its own clip from the first frame. With --frames the clip ends after that many frames
(the server then sends RTCP BYE); without it the stream goes on. With --user and --password the stream needs
basic authentication.

Prints "ready" on stdout once the port listens. Exits when its standard input closes, so a test JVM that dies
takes its server with it. "--check" says what is missing (Debian packages) and exits 1, or exits 0.

Needs Debian's python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-base (videotestsrc),
gstreamer1.0-plugins-ugly (x264enc) and gstreamer1.0-plugins-good (rtph264pay); run it with /usr/bin/python3.
"""
import argparse
import sys

ELEMENTS = {
    "videotestsrc": "gstreamer1.0-plugins-base",
    "videoconvert": "gstreamer1.0-plugins-base",
    "x264enc": "gstreamer1.0-plugins-ugly",
    "rtph264pay": "gstreamer1.0-plugins-good",
}


def load_gstreamer():
    """The Gst, GstRtspServer and GLib modules, or a sentence naming what is missing."""
    try:
        import gi
        gi.require_version("Gst", "1.0")
        gi.require_version("GstRtspServer", "1.0")
        from gi.repository import GLib, Gst, GstRtspServer
    except (ImportError, ValueError) as e:
        return None, "python3-gi and gir1.2-gst-rtsp-server-1.0 are needed (" + str(e) + ")"
    Gst.init(None)
    missing = sorted({package for element, package in ELEMENTS.items() if Gst.ElementFactory.find(element) is None})
    if missing:
        return None, "GStreamer elements missing; install " + " ".join(missing)
    return (GLib, Gst, GstRtspServer), None


def launch_line(frames, fps, width, height):
    count = " num-buffers=%d" % frames if frames > 0 else ""
    return ("( videotestsrc is-live=true pattern=ball%s ! video/x-raw,width=%d,height=%d,framerate=%d/1 "
            "! videoconvert ! x264enc tune=zerolatency threads=1 speed-preset=ultrafast bframes=0 key-int-max=%d "
            "! video/x-h264,profile=constrained-baseline ! rtph264pay name=pay0 pt=96 config-interval=-1 )"
            % (count, width, height, fps, fps))


def require_basic_auth(server, factory, user, password, GstRtspServer):
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string("media.factory.role", "viewer")
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_permission_for_role("viewer", "media.factory.access", True)
    permissions.add_permission_for_role("viewer", "media.factory.construct", True)
    factory.set_permissions(permissions)


def main():
    parser = argparse.ArgumentParser(description="RTSP test server")
    parser.add_argument("--check", action="store_true", help="only check that GStreamer's pieces are installed")
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--frames", type=int, default=0, help="frames per clip; 0 streams without end")
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--width", type=int, default=160)
    parser.add_argument("--height", type=int, default=120)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    modules, problem = load_gstreamer()
    if problem:
        print(problem, flush=True)
        return 1
    if args.check:
        return 0
    GLib, Gst, GstRtspServer = modules

    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch_line(args.frames, args.fps, args.width, args.height))
    factory.set_shared(False)
    # An unseekable media: a seekable one is seeked to the range of the PLAY request, which sends the first frame
    # twice. Media that publish their clock (RFC 7273) are never seeked.
    factory.set_publish_clock_mode(GstRtspServer.RTSPPublishClockMode.CLOCK_AND_OFFSET)
    if args.user is not None:
        require_basic_auth(server, factory, args.user, args.password or "", GstRtspServer)
    server.get_mount_points().add_factory("/stream", factory)

    loop = GLib.MainLoop()
    if server.attach(None) == 0:
        print("cannot listen on 127.0.0.1:%d" % args.port, flush=True)
        return 1
    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.IN | GLib.IOCondition.HUP, lambda *ignored: stop_at_end_of_input(loop))
    print("ready", flush=True)
    loop.run()
    return 0


def stop_at_end_of_input(loop):
    if sys.stdin.buffer.read1(4096):
        return True
    loop.quit()
    return False


if __name__ == "__main__":
    sys.exit(main())
