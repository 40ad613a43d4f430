#!/usr/bin/env python3
"""torchaudio's side of bench/audio_bench.cpp: the log-mel spectrogram of a
30 s clip at 22050 Hz (n_fft 2048, hop 512, 128 mel bands, power 2, then
AmplitudeToDB with top_db 80) in float32 on one thread, the modules built
once. Prints the median of the repeats in milliseconds.

Run it with Debian's torch: /usr/bin/python3 scripts/bench_audio_torch.py
"""
import argparse
import math
import statistics
import time

import torch
import torchaudio

SAMPLE_RATE = 22050
SECONDS = 30


def clip():
    # The chirp of bench/audio_bench.cpp (50 Hz to 10 kHz) with a little noise.
    gen = torch.Generator().manual_seed(1)
    t = torch.arange(SAMPLE_RATE * SECONDS, dtype=torch.float64) / SAMPLE_RATE
    phase = 2 * math.pi * (50.0 * t + 0.5 * 9950.0 / SECONDS * t * t)
    x = 0.5 * torch.sin(phase) + 0.01 * torch.randn(t.shape, generator=gen, dtype=torch.float64)
    return x.to(torch.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    torch.set_num_threads(1)
    mel = torchaudio.transforms.MelSpectrogram(
        sample_rate=SAMPLE_RATE, n_fft=2048, hop_length=512, n_mels=128, power=2.0)
    to_db = torchaudio.transforms.AmplitudeToDB("power", top_db=80.0)
    x = clip()
    with torch.inference_mode():
        for _ in range(3):  # warm-up: the FFT plan cache, the allocator
            to_db(mel(x))
        times, cpu_times = [], []
        for _ in range(args.repeats):
            start, cpu_start = time.perf_counter(), time.process_time()
            out = to_db(mel(x))
            times.append((time.perf_counter() - start) * 1000.0)
            cpu_times.append((time.process_time() - cpu_start) * 1000.0)
    # Wall time as Google Benchmark's "Time", CPU time as its "CPU": on a
    # busy machine the second is the steadier of the two.
    print(f"torchaudio {torchaudio.__version__} MelSpectrogram+AmplitudeToDB float32, 1 thread, "
          f"shape {list(out.shape)}: median {statistics.median(times):.2f} ms wall, "
          f"{statistics.median(cpu_times):.2f} ms CPU (min {min(times):.2f} wall, {args.repeats} repeats)")


if __name__ == "__main__":
    main()
