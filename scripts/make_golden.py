#!/usr/bin/env python3
"""Regenerates the reference vectors of tests/data with PyTorch in float64.

The inputs of every case (the `spec` or `model` fields, and the n, f, p, s, d
of the output-size cases) are read from the files in tests/data; every
`expect` is computed again:

  conv2d_cases.json            F.pad (zeros, reflect, replicate, circular;
                               explicit padding or Keras's 'same') + F.conv2d;
                               the visit counts in Python
  conv_transpose2d_cases.json  F.conv_transpose2d
  pool2d_cases.json            F.max_pool2d(return_indices=True) /
                               F.avg_pool2d(count_include_pad=True)
  dims_cases.json              (n + 2p - d(f - 1) - 1)/s + 1 in Python
  summary_cases.json           Keras's summary rules in Python
  seed_examples.json           the lecture's examples, the same ways (the
                               im2col matrix with F.unfold)

    python3 scripts/make_golden.py                 # writes to a new temporary folder
    python3 scripts/make_golden.py --out DIR       # writes to DIR
    python3 scripts/make_golden.py --out tests/data   # replaces the project's files
    python3 scripts/make_golden.py --check         # compares with tests/data, writes nothing

--check passes when every number agrees to 1e-12 (absolute or relative) and
everything else (shapes, integers, booleans, nulls) exactly. Needs PyTorch
(Debian: apt-get install python3-torch, then run it with /usr/bin/python3).
Not part of the test command: the tests read the files, not this script.
"""

import argparse
import json
import math
import os
import sys
import tempfile

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    sys.exit("make_golden.py needs PyTorch: apt-get install python3-torch, then run it with /usr/bin/python3")

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "tests", "data"))
TOLERANCE = 1e-12

FILES = [
    "conv2d_cases.json",
    "conv_transpose2d_cases.json",
    "pool2d_cases.json",
    "dims_cases.json",
    "summary_cases.json",
    "seed_examples.json",
]


def pair(v):
    """An int or [h, w] as (h, w)."""
    if isinstance(v, (list, tuple)):
        if len(v) != 2:
            raise ValueError(f"expected an int or [h, w], got {v!r}")
        return int(v[0]), int(v[1])
    return int(v), int(v)


def batch(grid):
    """[C][H][W] as a float64 tensor [1][C][H][W]."""
    return torch.tensor(grid, dtype=torch.float64).unsqueeze(0)


# ---------------------------------------------------------------- conv2d

def keras_same(n, k, s, d):
    """Keras/TensorFlow's 'same': out = ceil(n/s), the smaller half before."""
    out = -(-n // s)
    total = max((out - 1) * s + d * (k - 1) + 1 - n, 0)
    return total // 2, total - total // 2


def resolve_padding(padding, h, w, kh, kw, stride, dilation):
    """The spec's padding as [top, bottom, left, right]."""
    if padding == "valid":
        return [0, 0, 0, 0]
    if padding == "same":
        top, bottom = keras_same(h, kh, stride[0], dilation[0])
        left, right = keras_same(w, kw, stride[1], dilation[1])
        return [top, bottom, left, right]
    if isinstance(padding, int):
        return [padding] * 4
    if len(padding) == 2:
        return [padding[0], padding[0], padding[1], padding[1]]
    if len(padding) == 4:
        return list(padding)
    raise ValueError(f"unknown padding {padding!r}")


def axis_visits(padded, out, k, s, d):
    """How many windows along one axis contain each padded position."""
    counts = [0] * padded
    for o in range(out):
        for i in range(k):
            counts[o * s + i * d] += 1
    return counts


def conv2d(spec):
    x = batch(spec["input"])
    weight = torch.tensor(spec["weight"], dtype=torch.float64)
    bias = torch.tensor(spec["bias"], dtype=torch.float64) if spec.get("bias") is not None else None
    stride = pair(spec.get("stride", 1))
    dilation = pair(spec.get("dilation", 1))
    groups = int(spec.get("groups", 1))
    mode = spec.get("padding_mode", "zeros")
    _, _, h, w = x.shape
    kh, kw = weight.shape[2], weight.shape[3]
    top, bottom, left, right = resolve_padding(spec.get("padding", 0), h, w, kh, kw, stride, dilation)
    # F.pad takes (left, right, top, bottom); zeros is its "constant" mode.
    padded = F.pad(x, (left, right, top, bottom), mode="constant" if mode == "zeros" else mode)
    out = F.conv2d(padded, weight, bias, stride=stride, padding=0, dilation=dilation, groups=groups)
    _, c_out, out_h, out_w = out.shape
    padded_h, padded_w = padded.shape[2], padded.shape[3]
    rows = axis_visits(padded_h, out_h, kh, stride[0], dilation[0])
    cols = axis_visits(padded_w, out_w, kw, stride[1], dilation[1])
    return {
        "output_shape": [c_out, out_h, out_w],
        "output": out[0].tolist(),
        "padding": [top, bottom, left, right],
        "padded_shape": [padded_h, padded_w],
        "visits": [[r * c for c in cols] for r in rows],
        "total_steps": c_out * out_h * out_w,
    }


def conv_transpose2d(spec):
    x = batch(spec["input"])
    weight = torch.tensor(spec["weight"], dtype=torch.float64)
    bias = torch.tensor(spec["bias"], dtype=torch.float64) if spec.get("bias") is not None else None
    out = F.conv_transpose2d(
        x,
        weight,
        bias,
        stride=pair(spec.get("stride", 1)),
        padding=pair(spec.get("padding", 0)),
        output_padding=pair(spec.get("output_padding", 0)),
        groups=int(spec.get("groups", 1)),
        dilation=pair(spec.get("dilation", 1)),
    )
    return {"output_shape": list(out.shape[1:]), "output": out[0].tolist()}


# ---------------------------------------------------------------- pooling

def pool2d(spec):
    x = batch(spec["input"])
    kernel = pair(spec["kernel"])
    stride = pair(spec["stride"]) if spec.get("stride") is not None else kernel
    padding = pair(spec.get("padding", 0))
    ceil_mode = bool(spec.get("ceil_mode", False))
    if spec["mode"] == "max":
        out, indices = F.max_pool2d(x, kernel, stride, padding, ceil_mode=ceil_mode, return_indices=True)
        return {"output": out[0].tolist(), "argmax": indices[0].tolist(), "output_shape": list(out.shape[1:])}
    if spec["mode"] == "avg":
        out = F.avg_pool2d(x, kernel, stride, padding, ceil_mode=ceil_mode, count_include_pad=True)
        return {"output": out[0].tolist(), "output_shape": list(out.shape[1:])}
    raise ValueError(f"unknown pooling mode {spec['mode']!r}")


# ---------------------------------------------------------------- output size

def dims(case):
    """(n + 2p - d(f - 1) - 1)/s + 1; unvisited_tail: the padded rows after
    the last one a window reaches (null when no window fits)."""
    n, f, p, s, d = case["n"], case["f"], case["p"], case["s"], case.get("d", 1)
    numerator = n + 2 * p - d * (f - 1) - 1
    if numerator < 0:
        return {"output": 0, "exact": False, "unvisited_tail": None}
    output = numerator // s + 1
    last_reached = (output - 1) * s + d * (f - 1)
    return {"output": output, "exact": numerator % s == 0, "unvisited_tail": n + 2 * p - 1 - last_reached}


# ---------------------------------------------------------------- Keras summary

def keras_axis(n, k, s, d, padding):
    if padding == "same":
        return -(-n // s)
    if padding == "valid":
        room = n - d * (k - 1) - 1
        if room < 0:
            raise ValueError(f"a window of {k} (dilation {d}) does not fit in {n}")
        return room // s + 1
    raise ValueError(f"unknown Keras padding {padding!r}")


def summary(model):
    """Keras's model.summary() numbers: per layer the output shape without the
    batch dimension and the parameters, and the three totals."""
    shape = list(model["input_shape"])  # [H, W, C]
    layers = []
    trainable = 0
    non_trainable = 0
    for layer in model["layers"]:
        kind = layer["type"]
        params = 0
        frozen = 0
        if kind == "conv2d":
            kh, kw = pair(layer["kernel_size"])
            sh, sw = pair(layer.get("strides", 1))
            dh, dw = pair(layer.get("dilation_rate", 1))
            padding = layer.get("padding", "valid")
            filters = layer["filters"]
            params = kh * kw * shape[-1] * filters
            shape = [keras_axis(shape[0], kh, sh, dh, padding), keras_axis(shape[1], kw, sw, dw, padding), filters]
            if layer.get("use_bias", True):
                params += filters
        elif kind in ("maxpool2d", "avgpool2d"):
            ph, pw = pair(layer.get("pool_size", 2))
            sh, sw = pair(layer["strides"]) if layer.get("strides") is not None else (ph, pw)
            padding = layer.get("padding", "valid")
            shape = [keras_axis(shape[0], ph, sh, 1, padding), keras_axis(shape[1], pw, sw, 1, padding), shape[2]]
        elif kind == "flatten":
            shape = [math.prod(shape)]
        elif kind == "globalavgpool2d":
            shape = [shape[-1]]
        elif kind == "dense":
            units = layer["units"]
            params = shape[-1] * units + units
            shape = shape[:-1] + [units]
        elif kind == "batchnorm":
            # gamma and beta are trained; the moving mean and variance are not.
            params = 4 * shape[-1]
            frozen = 2 * shape[-1]
        elif kind in ("relu", "dropout"):
            pass
        else:
            raise ValueError(f"unknown layer type {kind!r}")
        layers.append({"type": kind, "output_shape": list(shape), "params": params})
        trainable += params - frozen
        non_trainable += frozen
    return {
        "layers": layers,
        "total_params": trainable + non_trainable,
        "trainable_params": trainable,
        "non_trainable_params": non_trainable,
    }


# ---------------------------------------------------------------- the files

def recompute_case(case):
    """A {op, spec, expect} or {model, expect} case with `expect` computed again."""
    if "model" in case:
        return {"model": case["model"], "expect": summary(case["model"])}
    ops = {"conv2d": conv2d, "conv_transpose2d": conv_transpose2d, "pool2d": pool2d}
    return {"op": case["op"], "spec": case["spec"], "expect": ops[case["op"]](case["spec"])}


def as_ints(rows):
    return [[int(v) if float(v).is_integer() else v for v in row] for row in rows]


def recompute_seed_examples(old):
    new = {}
    for name, value in old.items():
        if name == "im2col_channel_b_valid_stride2":
            # The slide's patch matrix of the second channel of Ejemplo 1,
            # 3x3 windows, stride 2, no padding: rows are kernel offsets,
            # columns windows, both row-major.
            spec = old["example1_valid_stride2"]["spec"]
            channel_b = batch([spec["input"][1]])
            new[name] = as_ints(F.unfold(channel_b, kernel_size=3, stride=2)[0].tolist())
        elif name == "output_dims":
            # The slides' (N - F + 2P)/S + 1, no dilation; a `note` is text
            # written for people and is kept as it is.
            new[name] = []
            for case in value:
                again = {k: case[k] for k in ("n", "f", "p", "s")}
                again["output"] = (case["n"] - case["f"] + 2 * case["p"]) // case["s"] + 1
                if "note" in case:
                    again["note"] = case["note"]
                new[name].append(again)
        elif isinstance(value, dict) and ("spec" in value or "model" in value):
            new[name] = recompute_case(value)
        else:
            raise ValueError(f"seed_examples.json: do not know how to compute {name!r}")
    return new


def recompute(file_name, old):
    if file_name == "seed_examples.json":
        return recompute_seed_examples(old)
    if file_name == "dims_cases.json":
        return [dict({k: c[k] for k in ("n", "f", "p", "s", "d")}, **dims(c)) for c in old]
    return [recompute_case(c) for c in old]


def cases_of(file_name, data):
    """(name, value) of every case in a file."""
    if isinstance(data, dict):
        return list(data.items())
    return [(f"case {i}", c) for i, c in enumerate(data)]


def compare(a, b, where, problems):
    """The largest |a - b| over the numbers of two JSON values; what differs
    otherwise is appended to `problems`."""
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None or isinstance(a, str) or isinstance(b, str):
        if a != b or type(a) is not type(b):
            problems.append(f"{where}: {a!r} != {b!r}")
        return 0.0
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        diff = abs(a - b)
        if diff > TOLERANCE and diff > TOLERANCE * max(abs(a), abs(b)):
            problems.append(f"{where}: {a!r} != {b!r}")
        return float(diff)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            problems.append(f"{where}: {len(a)} values != {len(b)}")
            return 0.0
        return max([compare(x, y, f"{where}[{i}]", problems) for i, (x, y) in enumerate(zip(a, b))], default=0.0)
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a.keys()) != list(b.keys()):
            problems.append(f"{where}: fields {list(a.keys())} != {list(b.keys())}")
        return max([compare(a[k], b[k], f"{where}.{k}", problems) for k in a if k in b], default=0.0)
    problems.append(f"{where}: {type(a).__name__} != {type(b).__name__}")
    return 0.0


def dump(file_name, data):
    # The shared reference set's layout: compact lists, seed_examples indented.
    if file_name == "seed_examples.json":
        return json.dumps(data, indent=1, ensure_ascii=False)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=DATA, help="where the cases are read from (default tests/data)")
    parser.add_argument("--out", help="the folder to write to (default: a new temporary folder)")
    parser.add_argument("--check", action="store_true",
                        help="compare with the files in --data instead of writing (unless --out is given too)")
    args = parser.parse_args()

    print(f"PyTorch {torch.__version__}, float64; cases read from {args.data}")
    out = None
    if args.out or not args.check:
        out = args.out or tempfile.mkdtemp(prefix="convstep_golden_")
        os.makedirs(out, exist_ok=True)

    failed = False
    for file_name in FILES:
        with open(os.path.join(args.data, file_name), encoding="utf-8") as f:
            old = json.load(f)
        new = recompute(file_name, old)
        if args.check:
            problems = []
            worst = 0.0
            reproduced = 0
            for (name, a), (_, b) in zip(cases_of(file_name, new), cases_of(file_name, old)):
                mine = []
                worst = max(worst, compare(a, b, name, mine))
                reproduced += not mine
                problems += mine
            total = len(cases_of(file_name, old))
            status = "all reproduced" if reproduced == total else f"{total - reproduced} NOT reproduced"
            print(f"{file_name}: {total} cases, {status}, max |diff| = {worst:.3g}")
            for p in problems[:10]:
                print(f"  {p}")
            if len(problems) > 10:
                print(f"  ... and {len(problems) - 10} more")
            failed |= reproduced != total
        if out is not None:
            text = dump(file_name, new)
            with open(os.path.join(out, file_name), "w", encoding="utf-8") as f:
                f.write(text)
            with open(os.path.join(args.data, file_name), encoding="utf-8") as f:
                same = f.read() == text
            if not args.check:
                print(f"{file_name}: {len(cases_of(file_name, new))} cases written"
                      f"{', byte for byte the same as ' + args.data if same else ''}")
    if out is not None:
        print(f"written to {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
