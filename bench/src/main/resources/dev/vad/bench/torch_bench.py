#!/usr/bin/python3
"""PyTorch peer of the model engine's benchmarks (`./vad bench train|infer`).

Builds the same networks as dev.vad.model (compact, compact32, deep: 2D or 3D; future: 3D), times training steps
(MSE averaged over elements, Adam 1e-3) or inference (eval mode, no grad) on one pre-allocated seeded batch in
[0, 1), and prints one name=value line:

  model=compact dims=2 mode=train batch=32 threads=2 torch_version=1.13.1 torch_params=1037 torch_samples_per_s=...

With --probe it times nothing but says which BLAS library torch has loaded and, unless that is the reference
BLAS, the best rate of a single-precision square matrix product at each --peak-sizes size:

  torch_version=1.13.1 torch_threads=2 torch_blas=openblas-pthread torch_blas_library=/usr/lib/... torch_blas_threads=2
  torch_peak_gflops=...

Run with Debian's python (`/usr/bin/python3`, package python3-torch), with OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS set to --threads (OpenBLAS reads its thread count from them when it loads). Exit 3 with
`torch=missing` when torch cannot be imported, 2 on bad arguments.
"""
import argparse
import ctypes
import os
import re
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    print("torch=missing")
    sys.exit(3)


def transposed_geometry(lengths, targets, doubling_padding):
    """Per-axis padding and output padding of a kernel-3 stride-2 transposed convolution that maps each length
    to its target exactly, as the Java presets do."""
    padding, output_padding = [], []
    for length, target in zip(lengths, targets):
        if doubling_padding:
            # deep: double with padding 1 / output padding 1; 2L+1 with padding 0
            p = 0 if target == 2 * length + 1 else 1
            op = 0 if target == 2 * length + 1 else 1
        else:
            # compact: padding 1; output padding restores the mirror convolution's input length
            p = 1
            op = target - ((length - 1) * 2 - 2 + 3)
        if (length - 1) * 2 - 2 * p + 3 + op != target or not 0 <= op < 2:
            raise ValueError("cannot map length %d to %d" % (length, target))
        padding.append(p)
        output_padding.append(op)
    return tuple(padding), tuple(output_padding)


def layers(dims):
    if dims == 2:
        return nn.Conv2d, nn.ConvTranspose2d, nn.BatchNorm2d, nn.MaxPool2d
    if dims == 3:
        return nn.Conv3d, nn.ConvTranspose3d, nn.BatchNorm3d, nn.MaxPool3d
    raise ValueError("dims must be 2 or 3, found %d" % dims)


def compact(channels, lengths, encoder=(8, 4, 4), decoder=(4, 8)):
    """Conv k3 s2 p1 ReLU C->8->4->4; transposed k3 s2 p1 4->4->8->C restoring each length; ReLU between;
    sigmoid. compact32: C->32->32->16, back 16->32->32->C."""
    conv, tconv, _, _ = layers(len(lengths))
    mods, shapes, h = [], [], list(lengths)
    c = channels
    for out in encoder:
        shapes.append(h)
        mods += [conv(c, out, 3, stride=2, padding=1), nn.ReLU()]
        h = [(l + 2 - 3) // 2 + 1 for l in h]
        c = out
    for i, out in enumerate(tuple(decoder) + (channels,)):
        target = shapes.pop()
        p, op = transposed_geometry(h, target, doubling_padding=False)
        mods.append(tconv(c, out, 3, stride=2, padding=p, output_padding=op))
        mods.append(nn.ReLU() if i < 2 else nn.Sigmoid())
        h, c = target, out
    return nn.Sequential(*mods)


def deep(channels, lengths):
    """[Conv k3 s1 p1 -> ReLU -> BatchNorm -> MaxPool 2] x3 C->16->32->64; transposed k3 s2 64->64->32->16, each
    ReLU + BatchNorm; Conv 16->C k3 p1; sigmoid."""
    conv, tconv, norm, pool = layers(len(lengths))
    mods, shapes, h = [], [], list(lengths)
    c = channels
    for out in (16, 32, 64):
        shapes.append(h)
        mods += [conv(c, out, 3, stride=1, padding=1), nn.ReLU(), norm(out), pool(2)]
        h = [l // 2 for l in h]
        c = out
    for out in (64, 32, 16):
        target = shapes.pop()
        p, op = transposed_geometry(h, target, doubling_padding=True)
        mods += [tconv(c, out, 3, stride=2, padding=p, output_padding=op), nn.ReLU(), norm(out)]
        h, c = target, out
    mods += [conv(c, channels, 3, stride=1, padding=1), nn.Sigmoid()]
    return nn.Sequential(*mods)


def double_conv(c_in, c_out):
    return [nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(),
            nn.Conv2d(c_out, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU()]


class Future(nn.Module):
    """future: every frame of a window (N, C, T, H, W) from the fourth on predicted from the four before it
    (stacked as channels, c * 4 + k) by a 2D U-Net: [conv 3x3 -> BatchNorm -> ReLU] x2 with 16, 32, 64
    channels, max pool 2 between; up, a transposed conv k3 s2 to the skipped stage's size, its output and the
    stage's concatenated, the same double conv; conv 1x1 to C; sigmoid. The first four frames pass through."""
    CONTEXT = 4
    STAGES = (16, 32, 64)

    def __init__(self, channels, lengths):
        super().__init__()
        if len(lengths) != 3 or lengths[0] <= self.CONTEXT:
            raise ValueError("future needs a 3D window of more than %d frames, found %s" % (self.CONTEXT, lengths))
        h = list(lengths[1:])
        sizes, c = [], channels * self.CONTEXT
        self.down = nn.ModuleList()
        for i, out in enumerate(self.STAGES):
            sizes.append(h)
            self.down.append(nn.Sequential(*double_conv(c, out)))
            h = [l // 2 if l >= 2 else l for l in h]
            c = out
        self.up = nn.ModuleList()
        self.merge = nn.ModuleList()
        h = sizes[-1]
        for i in range(len(self.STAGES) - 2, -1, -1):
            target = sizes[i]
            p, op = transposed_geometry(h, target, doubling_padding=True)
            self.up.append(nn.ConvTranspose2d(c, self.STAGES[i], 3, stride=2, padding=p, output_padding=op))
            self.merge.append(nn.Sequential(*double_conv(2 * self.STAGES[i], self.STAGES[i])))
            h, c = target, self.STAGES[i]
        self.out = nn.Sequential(nn.Conv2d(c, channels, 1), nn.Sigmoid())
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        n, c, t, height, width = x.shape
        k = self.CONTEXT
        h = torch.cat([x[:, :, i - k:i].reshape(n, c * k, height, width) for i in range(k, t)], 0)
        skips = []
        for i, stage in enumerate(self.down):
            if i > 0:
                skips.append(h)
                h = self.pool(h)
            h = stage(h)
        for up, merge in zip(self.up, self.merge):
            h = merge(torch.cat([up(h), skips.pop()], 1))
        predicted = self.out(h).reshape(t - k, n, c, height, width).permute(1, 2, 0, 3, 4)
        return torch.cat([x[:, :, :k], predicted], 2)


def network(model, channels, shape):
    if model == "compact":
        return compact(channels, shape)
    if model == "compact32":
        return compact(channels, shape, encoder=(32, 32, 16), decoder=(16, 32))
    if model == "deep":
        return deep(channels, shape)
    return Future(channels, shape)


def blas_library():
    """The BLAS this process has loaded (torch links libblas.so.3, which Debian's alternatives resolve): its kind
    and real path, read from /proc/self/maps. The kind is 'reference' for Debian's unoptimised libblas3."""
    paths = []
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1] if len(line.split()) >= 6 else ""
            if re.search(r"lib(open|mkl_rt|blis|f77|c)?blas[^/]*\.so|libmkl_|libblis", path) and path not in paths:
                paths.append(path)
    for path in sorted(paths, key=lambda p: "libblas.so" not in p):
        real = os.path.realpath(path)
        if "openblas" in real:
            folder = os.path.basename(os.path.dirname(real))
            return (folder if folder.startswith("openblas-") else "openblas"), real
        for kind in ("mkl", "blis", "atlas"):
            if kind in real:
                return kind, real
        if re.search(r"/blas/libblas\.so", real):
            return "reference", real
    return ("unknown", paths[0]) if paths else ("none", "-")


def blas_threads(path):
    try:
        return ctypes.CDLL(path).openblas_get_num_threads()
    except (OSError, AttributeError):
        return -1


def peak_gflops(sizes, repeats=3):
    """Best rate over `repeats` products of two n x n single-precision matrices, at each size; GFLOP/s = 2 n^3 / s."""
    best = 0.0
    for n in sizes:
        a = torch.rand(n, n)
        b = torch.rand(n, n)
        c = torch.mm(a, b)
        for _ in range(repeats):
            start = time.perf_counter()
            torch.mm(a, b, out=c)
            best = max(best, 2.0 * n ** 3 / (time.perf_counter() - start) / 1e9)
    return best


def probe(args):
    kind, path = blas_library()
    line = "torch_version=%s torch_threads=%d torch_blas=%s torch_blas_library=%s torch_blas_threads=%d" % (
        torch.__version__.split("+")[0], torch.get_num_threads(), kind, path, blas_threads(path))
    if kind != "reference" and args.peak_sizes:
        line += " torch_peak_gflops=%.2f" % peak_gflops([int(n) for n in args.peak_sizes.split(",")])
    print(line)
    return 0


def spatial_shape(dims, frames, height, width):
    return [height, width] if dims == 2 else [frames, height, width]


def time_steps(step, iterations, repeats):
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(iterations):
            step()
        rates.append(time.perf_counter() - start)
    return statistics.median(rates)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", action="store_true", help="print the BLAS in use and the peak, time nothing")
    parser.add_argument("--peak-sizes", default="", help="matrix sizes of the peak, comma-separated (--probe)")
    parser.add_argument("--model", choices=("compact", "compact32", "deep", "future"))
    parser.add_argument("--dims", type=int, choices=(2, 3))
    parser.add_argument("--mode", choices=("train", "infer"))
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--channels", type=int, default=1)
    parser.add_argument("--frames", type=int, default=8)
    parser.add_argument("--height", type=int, default=64)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--warmup-seconds", type=float, default=0.0)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    if args.probe:
        return probe(args)
    if args.model is None or args.dims is None or args.mode is None:
        parser.error("--model, --dims and --mode are needed unless --probe")
    torch.manual_seed(args.seed)
    shape = spatial_shape(args.dims, args.frames, args.height, args.width)
    model = network(args.model, args.channels, shape)
    params = sum(p.numel() for p in model.parameters())
    batch = torch.rand([args.batch, args.channels] + shape)

    if args.mode == "train":
        model.train()
        optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = nn.MSELoss()

        def step():
            optimiser.zero_grad(set_to_none=True)
            loss = loss_fn(model(batch), batch)
            loss.backward()
            optimiser.step()
    else:
        model.eval()

        def step():
            with torch.no_grad():
                model(batch)

    out = model(batch)
    if list(out.shape) != list(batch.shape):
        print("torch_error=output shape %s differs from input %s" % (list(out.shape), list(batch.shape)))
        return 1
    started = time.perf_counter()
    steps = 0
    while steps < args.warmup or time.perf_counter() - started < args.warmup_seconds:
        step()
        steps += 1
    seconds = time_steps(step, args.iterations, args.repeats)
    print("model=%s dims=%d mode=%s batch=%d threads=%d torch_version=%s torch_params=%d torch_samples_per_s=%.2f"
          % (args.model, args.dims, args.mode, args.batch, torch.get_num_threads(), torch.__version__.split("+")[0],
             params, args.batch * args.iterations / seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
