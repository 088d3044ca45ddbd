#!/usr/bin/python3
"""PyTorch peer of the model engine's benchmarks (`./vad bench train|infer`).

Builds the same networks as dev.vad.model (compact, deep; 2D or 3D), times training steps (MSE averaged over
elements, Adam 1e-3) or inference (eval mode, no grad) on one pre-allocated seeded batch in [0, 1), and prints
one name=value line:

  model=compact dims=2 mode=train batch=32 threads=2 torch_version=1.13.1 torch_params=1037 torch_samples_per_s=...

Run with Debian's python (`/usr/bin/python3`, package python3-torch). Exit 3 with `torch=missing` when torch
cannot be imported, 2 on bad arguments.
"""
import argparse
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


def compact(channels, lengths):
    """Conv k3 s2 p1 ReLU C->8->4->4; transposed k3 s2 p1 4->4->8->C restoring each length; ReLU between;
    sigmoid."""
    conv, tconv, _, _ = layers(len(lengths))
    mods, shapes, h = [], [], list(lengths)
    c = channels
    for out in (8, 4, 4):
        shapes.append(h)
        mods += [conv(c, out, 3, stride=2, padding=1), nn.ReLU()]
        h = [(l + 2 - 3) // 2 + 1 for l in h]
        c = out
    for i, out in enumerate((4, 8, channels)):
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
    parser.add_argument("--model", choices=("compact", "deep"), required=True)
    parser.add_argument("--dims", type=int, choices=(2, 3), required=True)
    parser.add_argument("--mode", choices=("train", "infer"), required=True)
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
    torch.manual_seed(args.seed)
    shape = spatial_shape(args.dims, args.frames, args.height, args.width)
    model = (compact if args.model == "compact" else deep)(args.channels, shape)
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
