#!/usr/bin/env python3
"""Writes assets/presets/*.json, the sessions the window opens on.

The lecture's numbers are copied from its slides (the same as in
tests/data/seed_examples.json); larger inputs are made here from formulas, so
nothing is downloaded. Run it again after changing it; the output is
deterministic.

The sound presets also write their sounds to assets/sounds/ (16 kHz, 16-bit
WAV): a chirp, a chord with harmonics, a pattern of drum clicks, and the word
"hola" spoken by espeak-ng. Their spectrograms are computed with torchaudio
in float64, so this script needs Debian's python3-torchaudio and espeak-ng
(run it with /usr/bin/python3).
"""
import json
import math
import os
import random
import subprocess
import tempfile
import wave

OUT = os.path.join(os.path.dirname(__file__), "..", "assets", "presets")
SOUNDS = os.path.join(os.path.dirname(__file__), "..", "assets", "sounds")

EJEMPLO1_INPUT = [
    [[1, 2, 0, 2, 1, 2], [0, 1, 2, 1, 3, 0], [1, 2, 1, 1, 0, 0],
     [2, 1, 4, 0, 0, 1], [2, 1, 0, 2, 1, 1], [2, 3, 1, 0, 1, 0]],
    [[0, 1, 2, 2, 0, 1], [1, 2, 0, 0, 2, 4], [4, 3, 2, 1, 2, 0],
     [0, 2, 2, 1, 0, 3], [2, 1, 3, 0, 0, 1], [2, 1, 0, 2, 1, 0]],
]
EJEMPLO1_WEIGHT = [[[[1, 0, 1], [0, 2, 0], [1, 1, 1]], [[0, 1, 1], [1, 0, 1], [1, 2, 1]]]]
MAXPOOL_SLICE = {"input": [[[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]]],
                 "mode": "max", "kernel": 2, "stride": 2}
CIFAR_MODEL = {"input_shape": [32, 32, 3], "layers": [
    {"type": "conv2d", "filters": 32, "kernel_size": 3},
    {"type": "maxpool2d", "pool_size": 2},
    {"type": "conv2d", "filters": 64, "kernel_size": 3},
    {"type": "maxpool2d", "pool_size": 2},
    {"type": "conv2d", "filters": 128, "kernel_size": 3},
    {"type": "flatten"},
    {"type": "dense", "units": 10}]}


# "Ejemplo de convolución": the slide follows the CS231n demo (5×5×3 input,
# padding 1, two 3×3×3 filters at stride 2 -> 3×3×2) but prints only Filtro 2.
# Filtro 2 (w1, b1 = 0) is the slide's, in PyTorch's layout weight[1][c] =
# w1[:, :, c]. The input volume and Filtro 1 (b0 = 1) are ours, drawn from the
# demo's ranges (inputs 0..2, weights -1..1).
EJEMPLO_CONV_INPUT = [
    [[0, 1, 2, 0, 1], [2, 0, 1, 1, 0], [1, 2, 0, 2, 1], [0, 1, 1, 0, 2], [2, 0, 2, 1, 0]],
    [[1, 0, 0, 2, 1], [0, 2, 1, 0, 1], [2, 1, 2, 1, 0], [1, 0, 0, 2, 2], [0, 1, 2, 0, 1]],
    [[2, 1, 0, 1, 0], [1, 1, 2, 0, 2], [0, 2, 1, 1, 1], [2, 0, 1, 2, 0], [1, 2, 0, 0, 1]],
]
EJEMPLO_CONV_FILTRO1 = [
    [[1, 0, -1], [0, 1, 1], [-1, 0, 1]],
    [[0, 1, 0], [-1, 0, 1], [1, -1, 0]],
    [[-1, 1, 1], [0, 0, -1], [1, 0, 0]],
]
EJEMPLO_CONV_FILTRO2 = [
    [[0, -1, 1], [1, -1, -1], [-1, 1, 1]],
    [[1, 0, 0], [1, 1, 0], [1, -1, 0]],
    [[1, -1, 1], [0, -1, 0], [-1, 0, 1]],
]


def session(title, conv, activation="none", model=CIFAR_MODEL, note=None):
    """A session; `note` says where the numbers come from (the window ignores it)."""
    data = {"title": title}
    if note:
        data["note"] = note
    data.update({"conv": conv, "activation": activation, "pool": MAXPOOL_SLICE, "model": model})
    return data


def synthetic_image(channels, size):
    """Rings, a gradient and a diagonal stripe: edges in every direction."""
    image = []
    for c in range(channels):
        plane = []
        for y in range(size):
            row = []
            for x in range(size):
                r = math.hypot(y - size / 2, x - size / 2)
                ring = 1 if int(r / (4 + c)) % 2 == 0 else 0
                stripe = 1 if abs(x - y + 8 * c) < 3 else 0
                row.append(min(9, ring * 4 + stripe * 5 + (x + y * c) * 3 // size))
            plane.append(row)
        image.append(plane)
    return image


def classic_filters(channels, count):
    """Sobel x, Sobel y, box, sharpen, Laplacian, emboss, ... spread over channels."""
    kernels = [
        [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
        [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
        [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
        [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
        [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
        [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
        [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
        [[1, 2, 1], [2, 4, 2], [1, 2, 1]],
    ]
    return [[kernels[(f + c) % len(kernels)] for c in range(channels)] for f in range(count)]


def seven_filters():
    """Seven 5×5×3 filters of small integers, each looking for something else
    (vertical, horizontal and diagonal edges, a spot, a ring, a blur, a
    checkerboard texture), with the sign flipped on some colour channels."""
    def sign(v):
        return (v > 0) - (v < 0)
    patterns = [
        lambda dy, dx: sign(dx),
        lambda dy, dx: sign(dy),
        lambda dy, dx: sign(dx - dy),
        lambda dy, dx: {0: 2, 1: -1}.get(abs(dy) + abs(dx), 0),
        lambda dy, dx: 1 if max(abs(dy), abs(dx)) == 2 else -1,
        lambda dy, dx: 1,
        lambda dy, dx: 1 if (dy + dx) % 2 == 0 else -1,
    ]
    return [[[[pattern(y - 2, x - 2) * (-1 if (f + c) % 3 == 0 else 1) for x in range(5)]
              for y in range(5)] for c in range(3)] for f, pattern in enumerate(patterns)]


def test_picture(size=48):
    """A grayscale picture (0-255) with a disc, a square and two patches of
    stripes, one vertical and one horizontal: edges in every direction and
    two textures that Sobel x and Sobel y tell apart."""
    picture = []
    for y in range(size):
        row = []
        for x in range(size):
            value = 30
            if math.hypot(y - 13.5, x - 13.5) <= 9:
                value = 200
            if 6 <= y < 21 and 27 <= x < 42:
                value = 120
            if 28 <= y < 44 and 4 <= x < 22:
                value = 240 if x % 4 < 2 else 0
            if 28 <= y < 44 and 26 <= x < 44:
                value = 240 if y % 4 < 2 else 0
            row.append(value)
        picture.append(row)
    return [picture]


# [Sound presets]
RATE = 16000
N_FFT = 1024  # 64 ms windows: bins 15.6 Hz apart, so a chord's notes part
HOP = 256     # 16 ms between columns
N_MELS = 32
F_MAX = 4000  # the bands of voice and of the chord; 32 bands to 8 kHz would blur them

TIME_DIFFERENCE = [[-1, 0, 1]] * 3             # later minus earlier: onsets
FREQUENCY_DIFFERENCE = [[1, 1, 1], [0, 0, 0], [-1, -1, -1]]  # higher band minus lower
HARMONIC_LINE = [[-1, -1, -1], [2, 2, 2], [-1, -1, -1]]     # a band louder than its neighbours
SMOOTHING = [[1 / 9] * 3] * 3

AUDIO_MODEL_LAYERS = [
    {"type": "conv2d", "filters": 16, "kernel_size": 3, "padding": "same"},
    {"type": "maxpool2d", "pool_size": 2},
    {"type": "conv2d", "filters": 32, "kernel_size": 3, "padding": "same"},
    {"type": "maxpool2d", "pool_size": 2},
    {"type": "flatten"},
    {"type": "dense", "units": 10}]


def chirp(seconds=1.0, f0=100.0, f1=3500.0):
    """A linear sweep from f0 to f1."""
    n = int(RATE * seconds)
    k = (f1 - f0) / seconds
    return [0.5 * math.sin(2 * math.pi * (f0 * t + 0.5 * k * t * t)) for t in (i / RATE for i in range(n))]


def chord(seconds=1.0):
    """A major chord (A4, C#5, E5), three harmonics each at 1/h amplitude,
    with a short fade in and out: nine lines from 440 Hz to 2 kHz, each at
    least a band and a half from the next."""
    roots = [440.0, 554.37, 659.26]
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        v = sum(math.sin(2 * math.pi * f * h * t) / h for f in roots for h in range(1, 4))
        fade = min(1.0, t / 0.02, (seconds - t) / 0.02)
        out.append(0.12 * v * fade)
    return out


def drum_clicks(seconds=1.0):
    """Five hits: a thump at 80 Hz and a burst of noise, each decaying fast."""
    hits = [0.10, 0.35, 0.60, 0.72, 0.85]
    noise = random.Random(7)
    n = int(RATE * seconds)
    out = [0.0] * n
    for start in hits:
        for i in range(int(start * RATE), min(n, int((start + 0.12) * RATE))):
            t = i / RATE - start
            out[i] += 0.6 * math.sin(2 * math.pi * 80 * t) * math.exp(-t / 0.04)
            out[i] += 0.4 * (noise.random() * 2 - 1) * math.exp(-t / 0.008)
    return out


def spoken_hola(rate=RATE):
    """"hola" from espeak-ng (22.05 kHz), resampled to `rate` by torchaudio."""
    import torch
    import torchaudio
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "hola.wav")
        subprocess.run(["espeak-ng", "-v", "es", "-w", path, "hola"], check=True)
        samples, file_rate = read_wav(path)
    resampled = torchaudio.functional.resample(torch.tensor(samples, dtype=torch.float64), file_rate, rate).tolist()
    return trim_silence(resampled, rate)


def trim_silence(samples, rate, floor=1e-3, margin=0.05):
    """Drops the silence espeak-ng leaves around the word, keeping 50 ms."""
    loud = [i for i, v in enumerate(samples) if abs(v) > floor]
    keep = int(margin * rate)
    return samples[max(0, loud[0] - keep):loud[-1] + keep]


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        frames = w.readframes(w.getnframes())
        rate = w.getframerate()
    values = [int.from_bytes(frames[i:i + 2], "little", signed=True) / 32768 for i in range(0, len(frames), 2)]
    return values, rate


def write_wav(name, samples):
    """16-bit PCM: what the window plays and the spectrogram was made of."""
    os.makedirs(SOUNDS, exist_ok=True)
    ints = [max(-32768, min(32767, round(v * 32767))) for v in samples]
    with wave.open(os.path.join(SOUNDS, name + ".wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(v.to_bytes(2, "little", signed=True) for v in ints))
    return [v / 32768 for v in ints]  # the samples as the file holds them


def mel_db(samples, n_mels, hop=HOP):
    """The mel power spectrogram in dB against its maximum, clipped at 80 dB
    below it, rounded to 0.1 dB; rows from the highest band to the lowest
    (as drawn), and each row's centre frequency (torchaudio's mel points)."""
    import torch
    import torchaudio
    x = torch.tensor(samples, dtype=torch.float64)
    mel = torchaudio.transforms.MelSpectrogram(sample_rate=RATE, n_fft=N_FFT, hop_length=hop, n_mels=n_mels,
                                               f_max=F_MAX, power=2.0).double()(x)
    db = 10 * torch.log10(torch.clamp(mel, min=1e-10))
    db = torch.clamp(db - db.max(), min=-80.0)
    to_mel = lambda f: 2595 * math.log10(1 + f / 700)
    from_mel = lambda m: 700 * (10 ** (m / 2595) - 1)
    top = to_mel(F_MAX)
    centres = [from_mel(top * (i + 1) / (n_mels + 1)) for i in range(n_mels)]
    grid = [[round(v, 1) + 0.0 for v in row] for row in db.flip(0).tolist()]
    return grid, [round(f, 3) for f in reversed(centres)]


def sound_session(name, title, samples, kernels, note, n_mels=N_MELS, hop=HOP):
    grid, centres = mel_db(write_wav(name, samples), n_mels, hop)
    frames = len(grid[0])
    # Replicate, not zeros: 0 dB is the loudest a grid in dB against its
    # maximum holds, so a ring of zeros would light up every edge.
    data = session(title, {"input": [grid], "weight": [[k] for k in kernels], "padding": 1,
                           "padding_mode": "replicate"},
                   model={"input_shape": [n_mels, frames, 1], "layers": AUDIO_MODEL_LAYERS}, note=note)
    data["input_axes"] = {"rows": "hertz", "row_hz": centres, "mel": True, "frame_seconds": hop / RATE,
                          "start_seconds": 0, "window_seconds": N_FFT / RATE, "unit": "dB",
                          "source": name + ".wav"}
    return data


# [Waveform presets]: 1-D convolutions, drawn as waveforms.
SIGNAL_RATE = 8000  # 4,000 samples for the word: few enough to step through


def toy_signal():
    """40 samples: silence, a step up, a ramp down, a spike, silence."""
    values = [0] * 6 + [4] * 8 + [4 - i * 0.5 for i in range(8)] + [0] * 5 + [6] + [0] * 12
    return values[:40]


def signal_presets():
    write("senal_escalones", session(
        "Señal 1-D de 40 muestras: diferencia y promedio causales (K = 3)",
        {"input": [[toy_signal()]],
         "weight": [[[[-1, 0, 1]]], [[[1 / 3, 1 / 3, 1 / 3]]]],
         "padding": [0, 0, 2, 0]},
        model={"input_shape": [1, 40, 1], "layers": [{"type": "conv2d", "filters": 2, "kernel_size": [1, 3]}]},
        note="Keras Conv1D padding='causal': d(K - 1) = 2 zeros on the left and none on the right, so "
             "output t reads only samples t - 2 .. t. The difference answers at the step and the spike, "
             "the average smooths them."))
    wavenet = [{"type": "conv1d", "filters": 16, "kernel_size": 2, "padding": "causal", "dilation_rate": d}
               for d in (1, 2, 4, 8)]
    write("wavenet_causal", session(
        "WaveNet: cuatro Conv1D causales con dilatación 1, 2, 4, 8 (campo receptivo de 16 muestras)",
        {"input": [[toy_signal()]], "weight": [[[[1, -1]]]], "dilation": [1, 4], "padding": "causal"},
        model={"input_shape": [64, 1],
               "layers": wavenet + [{"type": "globalavgpool1d"}, {"type": "dense", "units": 10}]},
        note="The convolution tab steps one causal layer with dilation 4 (output t reads t - 4 and t); the "
             "Model summary tab draws the last output's receptive field back through the four layers."))
    samples = [round(v, 3) + 0.0 for v in spoken_hola(SIGNAL_RATE)]
    low_pass = [1 / 9] * 9
    high_pass = [-1 / 9] * 4 + [8 / 9] + [-1 / 9] * 4
    data = session(
        "«hola» a 8 kHz: filtro pasa bajos y pasa altos de 9 muestras (Conv1D)",
        {"input": [[samples]], "weight": [[[low_pass]], [[high_pass]]], "padding": "same"},
        model={"input_shape": [1, len(samples), 1], "layers": [{"type": "conv2d", "filters": 2, "kernel_size": [1, 9]}]},
        note="The average of 9 samples keeps the low frequencies (the voice's pitch and vowels); the "
             "sample minus that average keeps the high ones (the hiss of the consonants).")
    data["input_axes"] = {"rows": "waveform", "mel": False, "frame_seconds": 1 / SIGNAL_RATE, "start_seconds": 0,
                          "window_seconds": 0, "unit": "", "source": "sonido_hola.wav"}
    write("senal_hola", data)


def sound_presets():
    write("sonido_chirp", sound_session(
        "sonido_chirp", "Chirp 100 Hz → 3,5 kHz: espectrograma mel (32 bandas, dB)", chirp(),
        [TIME_DIFFERENCE, FREQUENCY_DIFFERENCE, SMOOTHING],
        "A sweep draws a rising line: the frequency difference follows its edges, the time "
        "difference answers where each band starts sounding."))
    write("sonido_acorde", sound_session(
        "sonido_acorde", "Acorde de La mayor con armónicos: espectrograma mel (64 bandas, dB)", chord(),
        [HARMONIC_LINE, SMOOTHING],
        "Three notes with three harmonics each, in 64 bands so that neighbouring lines part: "
        "the harmonic-line kernel lights up every band louder than its neighbours.", n_mels=64))
    write("sonido_golpes", sound_session(
        "sonido_golpes", "Cinco golpes de percusión: ataques con la diferencia en el tiempo", drum_clicks(),
        [TIME_DIFFERENCE, SMOOTHING],
        "Each hit starts at once in every band: the time difference marks the onsets."))
    write("sonido_hola", sound_session(
        "sonido_hola", "«hola» (espeak-ng): espectrograma mel, ataques y armónicos", spoken_hola(),
        [TIME_DIFFERENCE, FREQUENCY_DIFFERENCE, SMOOTHING],
        "A spoken word: the vowels' harmonics are horizontal lines, the consonants' onsets "
        "vertical edges. Columns every 8 ms: the word lasts a third of a second.", hop=128))


def dumps(value, indent=0):
    """JSON with one grid row per line, so a preset reads like the slide."""
    pad = "  " * indent
    if isinstance(value, dict):
        items = [f'{pad}  {json.dumps(k)}: {dumps(v, indent + 1).lstrip()}' for k, v in value.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and isinstance(value[0], (list, dict)):
        items = [dumps(v, indent + 1) for v in value]
        return pad + "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return pad + json.dumps(value, ensure_ascii=False)


def write(name, data):
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        f.write(dumps(data) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("ejemplo1", session("Ejemplo 1: padding 1, stride 2",
                              {"input": EJEMPLO1_INPUT, "weight": EJEMPLO1_WEIGHT,
                               "stride": 2, "padding": 1}))
    write("ejemplo1_valid", session("Ejemplo 1 without padding",
                                    {"input": EJEMPLO1_INPUT, "weight": EJEMPLO1_WEIGHT,
                                     "stride": 2, "padding": 0}))
    write("large_64x64x3", session("64×64×3 input, 8 filters of 3×3",
                                   {"input": synthetic_image(3, 64),
                                    "weight": classic_filters(3, 8), "padding": 1}))
    write("ejemplo_convolucion", session(
        "Ejemplo de convolución: 5×5×3, 2 filtros 3×3×3, padding 1, stride 2 "
        "(entrada y Filtro 1 ilustrativos)",
        {"input": EJEMPLO_CONV_INPUT, "weight": [EJEMPLO_CONV_FILTRO1, EJEMPLO_CONV_FILTRO2],
         "bias": [1, 0], "stride": 2, "padding": 1},
        note="Filtro 2 (w1, b1 = 0) is the lecture's. The input volume and Filtro 1 "
             "(b0 = 1) are illustrative values in the ranges of the CS231n demo the "
             "slide follows (inputs 0..2, weights -1..1), not the slide's."))
    write("siete_filtros", session(
        "7 filtros 5×5×3 sobre una imagen 32×32×3: salida 28×28×7 (un canal por filtro)",
        {"input": synthetic_image(3, 32), "weight": seven_filters()},
        model={"input_shape": [32, 32, 3],
               "layers": [{"type": "conv2d", "filters": 7, "kernel_size": 5}]}))
    write("imagen_bordes", session(
        "Imagen 48×48 en grises: Sobel x, Sobel y y desenfoque 3×3 (bordes y texturas)",
        {"input": test_picture(),
         "weight": [[[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]],
                    [[[-1, -2, -1], [0, 0, 0], [1, 2, 1]]],
                    [[[1 / 9] * 3] * 3]],
         "padding": 1},
        note="What a convolution learns: Sobel x answers to vertical edges and stripes, "
             "Sobel y to horizontal ones, the box blur (each weight 1/9) averages "
             "texture away. The picture is drawn by scripts/make_presets.py."))
    sound_presets()
    signal_presets()


if __name__ == "__main__":
    main()
