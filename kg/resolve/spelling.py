"""Transliterated and misspelt variants of a name ("Yang Lichun" for "Yann LeCun", "Zelenskyy" for
"Zelensky"), judged by sound and spelling with jellyfish: NYSIIS and Metaphone codes for sound,
Jaro-Winkler for spelling, word by word.

One-word names, and names that share a word and differ in another, are kept apart unless the
differing word has nearly the same letters: "Joan Smith" and "John Smith", "Kim Jong-un" and
"Kim Jong-il" are more often relatives than misspellings. The caller adds the context: same type,
never named in the same sentence.
"""

from __future__ import annotations

import jellyfish

__all__ = ["variant_confidence"]

SPELLING = 0.80  # least Jaro-Winkler similarity of two words that sound alike
TYPO = 0.93  # least similarity of a differing word beside an identical one (a typo, not a relative)


def _sounds_alike(a: str, b: str) -> bool:
    """Same NYSIIS code up to an ending, the same Metaphone code, or both codes one edit apart."""
    nysiis_a, nysiis_b = jellyfish.nysiis(a), jellyfish.nysiis(b)
    meta_a, meta_b = jellyfish.metaphone(a), jellyfish.metaphone(b)
    if not (nysiis_a and nysiis_b and meta_a and meta_b):
        return False
    return (
        nysiis_a.startswith(nysiis_b)
        or nysiis_b.startswith(nysiis_a)
        or meta_a == meta_b
        or (
            jellyfish.levenshtein_distance(nysiis_a, nysiis_b) <= 1
            and jellyfish.levenshtein_distance(meta_a, meta_b) <= 1
        )
    )


def variant_confidence(name: str, other: str) -> float | None:
    """How likely `name` is a variant spelling of `other` (0..1), or None when it is not one."""
    words, other_words = name.lower().split(), other.lower().split()
    if len(words) != len(other_words) or words == other_words:
        return None
    scores = [jellyfish.jaro_winkler_similarity(a, b) for a, b in zip(words, other_words, strict=True)]
    differing = [(a, b, s) for a, b, s in zip(words, other_words, scores, strict=True) if a != b]
    if len(differing) < len(words) or len(words) == 1:  # a word in common, or one word: only a typo counts
        if any(s < TYPO or not _sounds_alike(a, b) for a, b, s in differing):
            return None
    elif any(s < SPELLING or a[0] != b[0] or not _sounds_alike(a, b) for a, b, s in differing):
        return None
    return round(sum(scores) / len(scores) * 0.9, 2)
