"""Generated text: sentences and names from a small vocabulary, reproducible from a seed.

A small vocabulary: text is assembled from it, so no text is copied from anywhere.
"""

from __future__ import annotations

import random

WORDS = (
    "agreement aid allies ambassador armistice border capital ceasefire charter civilians "
    "coalition commission committee conference corridor council crisis delegation dialogue "
    "displaced draft election embassy envoy evacuation framework frontier government "
    "guarantee humanitarian negotiators observers ministry mission monitoring parliament "
    "partners peace peacekeepers pledge president prisoners proposal protocol reconstruction "
    "refugees region resolution round sanctions security settlement statement summit talks "
    "territory treaty truce withdrawal week month officials sources capital province city "
    "villages roads ports convoy supplies water food medicine hospitals schools families "
    "leaders rebels army militia forces troops police courts judges lawyers journalists "
    "diplomats mediators donors lenders banks markets prices fuel grain harvest winter "
    "spring summer autumn morning evening night"
).split()
VERBS = (
    "said agreed rejected proposed signed announced warned urged welcomed denied confirmed "
    "postponed resumed demanded offered accepted promised questioned reported"
).split()
CONNECTORS = "and but while after before as since although because".split()
FIRST_NAMES = (
    "Amina Bruno Carla Dmitri Elif Farid Grace Hiro Ines Jonas Kemal Lena Mateo Nadia Omar "
    "Priya Quentin Rosa Samir Tomas Ulla Viktor Wanjiru Xavier Yusuf Zara"
).split()
LAST_NAMES = (
    "Abebe Bianchi Castillo Dimitrov Eriksen Farouk Gallagher Haddad Ibrahim Jansen Kovac "
    "Larsen Mendes Nakamura Okafor Petrov Quispe Rahman Santos Tanaka Umarov Varga Weber "
    "Yilmaz Zhou"
).split()


class Text:
    """Sentences and names from the small vocabulary, reproducible from a seed."""

    def __init__(self, seed: int):
        # Reproducible benchmark text, not secrets.
        self.rng = random.Random(seed)  # noqa: S311  # nosec B311

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def sentence(self, low: int = 8, high: int = 20) -> str:
        rng = self.rng
        n = rng.randint(low, high)
        half = max(2, n // 2)
        text = (
            f"{self.words(2)} {rng.choice(VERBS)} {self.words(half)} "
            f"{rng.choice(CONNECTORS)} {self.words(n - half)}"
        )
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self) -> str:
        text = f"{self.words(2)} {self.rng.choice(VERBS)} {self.words(self.rng.randint(3, 6))}"
        return text[0].upper() + text[1:]

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
