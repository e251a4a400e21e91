"""Text features of the topic model, registered with spaCy so the pipeline saves and loads by name.

German mail arrives with and without umlauts, with typos and long compounds
("Fördermittelbescheid", "Foerdermittel-Bescheid"). So every token is normalised (lemma, lower case,
umlauts folded: ``eingang_norm`` writes it to ``token.norm_``) and the linear bag-of-words model sees
hashed unigrams, bigrams and character 4-/5-grams of those norms (fastText-style subwords).
Pure CPU, no vectors, nothing downloaded."""

from __future__ import annotations

from functools import partial

import numpy
from spacy.attrs import NORM  # type: ignore[import-not-found]  # Cython module, no .pyi
from spacy.language import Language
from spacy.ml.models.textcat import resize_and_set_ref
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Logistic, Model, Softmax_v2, SparseLinear_v2, chain, with_cpu
from thinc.layers.resizable import resizable, resize_linear_weighted

NEG_VALUE = -5000.0
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e"})
_CACHE_LIMIT = 200_000
BIAS_VALUE = 8.0
_BIAS_KEY = numpy.asarray([get_string_id("__eingang_bias__")], dtype="uint64")


def fold(text: str) -> str:
    """Lower case, umlauts folded: "Förderung", "Foerderung" and "Forderung" all become "forderung"."""
    lowered = text.lower().translate(_FOLD)
    return lowered.replace("ae", "a").replace("oe", "o").replace("ue", "u")


@Language.component("eingang_norm")
def eingang_norm(doc: Doc) -> Doc:
    """Write the folded lemma of every token to ``token.norm_`` (used by features and matcher)."""
    for token in doc:
        token.norm_ = fold(token.lemma_ or token.text)
    return doc


def _skip(token) -> bool:
    return token.is_space or token.is_punct or not token.norm_


def token_keys(norm: str, cache: dict[str, numpy.ndarray] = {}) -> numpy.ndarray:  # noqa: B006 - deliberate cache
    """Hashed features of one normalised token: the token itself and its character 4-/5-grams."""
    keys = cache.get(norm)
    if keys is None:
        features = [norm]
        if len(norm) >= 4 and (norm.isalpha() or "-" in norm):
            padded = f"<{norm}>"
            for size in (4, 5):
                features.extend(f"#{padded[i : i + size]}" for i in range(len(padded) - size + 1))
        keys = numpy.asarray([get_string_id(f) for f in features], dtype="uint64")
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cache[norm] = keys
    return keys


def doc_features(doc: Doc) -> tuple[list[str], list[numpy.ndarray], numpy.ndarray]:
    """(surface forms, per-token key arrays, bigram keys) of a document."""
    surfaces: list[str] = []
    per_token: list[numpy.ndarray] = []
    norms: list[int] = []
    for token in doc:
        if _skip(token):
            continue
        surfaces.append(token.text)
        per_token.append(token_keys(token.norm_))
        norms.append(token.norm)
    if len(norms) >= 2:
        first = numpy.asarray(norms[:-1], dtype="uint64")
        second = numpy.asarray(norms[1:], dtype="uint64")
        bigrams = first * numpy.uint64(1_000_003) ^ second  # cheap, deterministic pair hash
    else:
        bigrams = numpy.zeros((0,), dtype="uint64")
    return surfaces, per_token, bigrams


EXTRACTOR = "eingang_extract_features"


def extract_features(feature_dropout: float = 0.0) -> Model:
    # "training" is switched on by the trainer around updates only: thinc's with_cpu wrapper runs its
    # inner layers with is_train=True even at prediction, so is_train cannot tell the two apart.
    attrs = {"feature_dropout": feature_dropout, "training": False}
    return Model(EXTRACTOR, _forward, attrs=attrs)


def set_training(model: Model, training: bool) -> None:
    """Switch feature dropout of a textcat model built by ``build_subword_bow`` on or off."""
    for node in model.walk():
        if node.name == EXTRACTOR:
            node.attrs["training"] = training


def _forward(model: Model, docs: list[Doc], is_train: bool):
    batch_keys = []
    batch_vals = []
    for doc in docs:
        _surfaces, per_token, bigrams = doc_features(doc)
        # a constant feature in every document: a learnable prior per label (the sparse layer's own
        # bias barely moves), so a text with few known words scores near the base rate, not 0.5
        arrays = [*per_token, bigrams, _BIAS_KEY]
        keys, counts = numpy.unique(numpy.concatenate(arrays), return_counts=True)
        if model.attrs["training"] and model.attrs["feature_dropout"] > 0:
            # drop a share of the features of every training document, so that the model learns to
            # rely on several cues instead of memorising one phrasing (the bias feature always stays)
            keep = (numpy.random.random(len(keys)) >= model.attrs["feature_dropout"]) | (keys == _BIAS_KEY[0])
            keys, counts = keys[keep], counts[keep]
        batch_keys.append(keys)
        # log-scaled counts keep long mails from drowning short ones; the bias feature gets a large
        # value so that the prior moves as fast as the word weights (Adam steps are scale-free)
        values = numpy.log1p(counts).astype("float32")
        values[keys == _BIAS_KEY[0]] = BIAS_VALUE
        batch_vals.append(values)
    lengths = model.ops.asarray([len(k) for k in batch_keys], dtype="int32")
    keys = model.ops.asarray(numpy.concatenate(batch_keys), dtype="uint64")  # type: ignore[assignment, arg-type]  # thinc stubs: no plain ndarray
    vals = model.ops.asarray(numpy.concatenate(batch_vals), dtype="f")  # type: ignore[arg-type]  # thinc stubs: no plain ndarray

    def backprop(d_output):
        return []

    return (keys, vals, lengths), backprop


@registry.architectures("eingang.TextCatSubwordBOW.v2")
def build_subword_bow(
    exclusive_classes: bool = False, length: int = 262144, feature_dropout: float = 0.0, nO: int | None = None
) -> Model:
    """Bag of normalised words, bigrams and character n-grams into one sparse linear layer
    (spaCy's TextCatBOW with our feature extractor)."""
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    resizable_layer: Model = resizable(
        sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults={"b": NEG_VALUE, "W": 0})
    )
    model: Model = chain(extract_features(feature_dropout), resizable_layer)
    model = with_cpu(model, model.ops)
    output_layer = Softmax_v2() if exclusive_classes else Logistic()
    model = chain(model, with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model


__all__ = ["NORM", "build_subword_bow", "doc_features", "eingang_norm", "fold", "token_keys"]
