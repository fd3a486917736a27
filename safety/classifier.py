"""The spam score: a linear model over character n-grams, learned from moderators' decisions.

Character n-grams (within word boundaries) need no tokenizer or word list, so the same model
reads English, Spanish and Arabic, and catches spam that mangles words ("v1agra", "c r y p t o").
Features are hashed (HashingVectorizer: no vocabulary to store), weighted by inverse document
frequency and scored by logistic regression, whose probability is the score. Training and
scoring share `_features`, so a stored model scores exactly as it was evaluated.

What is stored (safety.models.SpamClassifier) is data, not code: the vectorizer's parameters as
JSON and two NumPy arrays (idf, coef) plus the intercept in an .npz read with
allow_pickle=False. A row changed by someone with database access can make scores wrong, but
cannot execute anything, unlike a pickled estimator.
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings

from .models import SpamClassifier

if TYPE_CHECKING:
    import numpy as np

# NumPy and scikit-learn (about 1.5 s and 100 MB) are imported when a model is first trained or
# loaded, not when Django starts: most processes (commands, a site with no score yet) never
# need them.

logger = logging.getLogger(__name__)

PARAMS = {
    "analyzer": "char_wb",
    "ngram_range": [2, 5],
    "n_features": 2**18,
    "lowercase": True,
    "C": 10.0,
}
# How long an app server trusts its loaded model before asking the database for a newer one.
RELOAD_SECONDS = 60


def comment_text(*, name: str = "", body: str) -> str:
    """The text a comment is scored on: its body, and the name spammers stuff with keywords."""
    return f"{name}\n{body}" if name else body


def _vectorizer(params: dict):
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer=params["analyzer"],
        ngram_range=tuple(params["ngram_range"]),
        n_features=params["n_features"],
        lowercase=params["lowercase"],
        alternate_sign=False,
        norm=None,
    )


def _features(texts: list[str], params: dict, idf: np.ndarray):
    import numpy as np
    from sklearn.preprocessing import normalize

    counts = _vectorizer(params).transform(texts).tocsr()
    counts.data = np.log1p(counts.data)  # sublinear term frequency
    return normalize(counts.multiply(idf).tocsr())


def _idf(texts: list[str], params: dict) -> np.ndarray:
    import numpy as np

    counts = _vectorizer(params).transform(texts).tocsc()
    df = np.diff(counts.indptr)  # documents containing each feature
    n = len(texts)
    return (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)


@dataclass
class TrainedModel:
    params: dict
    idf: np.ndarray
    coef: np.ndarray
    intercept: float

    def scores(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.array([])
        z = _features(texts, self.params, self.idf) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_npz(self) -> bytes:
        import numpy as np

        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=np.array([self.intercept], dtype=np.float64),
        )
        return buffer.getvalue()

    @classmethod
    def from_npz(cls, params: dict, data: bytes) -> TrainedModel:
        import numpy as np

        with np.load(io.BytesIO(bytes(data)), allow_pickle=False) as arrays:
            return cls(
                params=params,
                idf=arrays["idf"],
                coef=arrays["coef"],
                intercept=float(arrays["intercept"][0]),
            )


def fit(texts: list[str], labels: list[int], params: dict | None = None) -> TrainedModel:
    """Learn a model from texts labelled 1 (spam) or 0 (not spam)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    params = dict(params or PARAMS)
    idf = _idf(texts, params)
    model = LogisticRegression(
        C=params["C"], class_weight="balanced", solver="liblinear", max_iter=1000
    )
    model.fit(_features(texts, params, idf), np.asarray(labels))
    return TrainedModel(
        params=params,
        idf=idf,
        coef=model.coef_[0].astype(np.float32),
        intercept=float(model.intercept_[0]),
    )


@dataclass
class Evaluation:
    precision: float
    recall: float
    test_size: int
    threshold: float = 0.5


def evaluate(
    texts: list[str], labels: list[int], *, test_size: float = 0.25, seed: int = 14
) -> Evaluation:
    """Precision and recall of spam at 0.5 on a held-out, stratified part of the data."""
    from sklearn.metrics import precision_score, recall_score
    from sklearn.model_selection import train_test_split

    train_x, test_x, train_y, test_y = train_test_split(
        texts, labels, test_size=test_size, random_state=seed, stratify=labels
    )
    predicted = (fit(train_x, train_y).scores(test_x) >= 0.5).astype(int)
    return Evaluation(
        precision=float(precision_score(test_y, predicted, zero_division=0)),
        recall=float(recall_score(test_y, predicted, zero_division=0)),
        test_size=len(test_y),
    )


class _Loaded:
    """The model this process scores with, and when it last asked for a newer one."""

    model: TrainedModel | None = None
    version: int | None = None
    checked_at: float = 0.0


def forget_loaded() -> None:
    _Loaded.model, _Loaded.version, _Loaded.checked_at = None, None, 0.0


def loaded_model() -> tuple[TrainedModel | None, int | None]:
    now = time.monotonic()
    if now - _Loaded.checked_at < RELOAD_SECONDS:
        return _Loaded.model, _Loaded.version
    latest = SpamClassifier.objects.order_by("-pk").values_list("pk", flat=True).first()
    if latest != _Loaded.version:
        if latest is None:
            _Loaded.model = None
        else:
            row = SpamClassifier.objects.get(pk=latest)
            _Loaded.model = TrainedModel.from_npz(row.params, row.weights)
        _Loaded.version = latest
    _Loaded.checked_at = now
    return _Loaded.model, _Loaded.version


def score(text: str) -> float | None:
    """The probability (0–1) that moderators would call this text spam, or None without a model.

    None, not a guess, until a model has been trained on at least
    SAFETY_SCORE_MIN_PER_CLASS approved and spam comments (train_comment_classifier refuses
    to store one before that).
    """
    model, _ = loaded_model()
    if model is None:
        return None
    return float(model.scores([text])[0])


def min_per_class() -> int:
    return settings.SAFETY_SCORE_MIN_PER_CLASS
