"""Typed values from entity text: money, percentages, counts and dates.

The numbers and currency signs are the same in every language; scale words ("billion", "bilhões"),
currency words, numbers in words and date formats are a language's `ValueWords`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from kg.records import Literal

__all__ = ["ValueWords", "value_of", "date", "YEAR"]

_SIGNS = [("US$", "USD"), ("R$", "BRL"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("$", "USD")]
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = r"(?:1[5-9]|20)\d\d"  # a year a date may name


@dataclass(frozen=True)
class ValueWords:
    """A language's words for values."""

    scales: dict[str, int]  # "billion" -> 10**9; one-letter ones ("m", "bn") count only right after a number
    currencies: list[tuple[str, str]]  # ("dollar", "USD"), looked for after the signs, in order
    numbers: dict[str, int]  # "two" -> 2
    date_prefix: re.Pattern[str]  # words before a date that are not part of it ("in", "since")
    date_formats: tuple[str, ...]  # strptime formats (English month names), tried in order
    months: dict[str, int] = field(default_factory=dict)  # month names of a language strptime does not read


def _parse_number(token: str) -> Decimal | None:
    """'80,000' / '80.000' / '2.5' / '2,5' as a Decimal (a lone separator with 3 digits after is grouping)."""
    parts = re.split(r"[.,]", token)
    if len(parts) == 1:
        return Decimal(token)
    if all(len(p) == 3 for p in parts[1:]):
        return Decimal("".join(parts))
    head, tail = "".join(parts[:-1]), parts[-1]
    try:
        return Decimal(f"{head}.{tail}")
    except InvalidOperation:
        return None


def _number(text: str, words: ValueWords) -> Decimal | None:
    match = _NUMBER.search(text)
    if match:
        number = _parse_number(match.group())
    else:
        said = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w in words.numbers]
        number = Decimal(words.numbers[said[0]]) if said else None
    if number is None:
        return None
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in words.scales and (word not in ("m", "b", "k") or re.search(rf"\d\s*{word}\b", text.lower())):
            number *= words.scales[word]
            break
    return number


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


def money(text: str, words: ValueWords) -> Literal:
    unit = next((code for sign, code in [*_SIGNS, *words.currencies] if sign.lower() in text.lower()), None)
    number = _number(text, words)
    if number is None:
        return Literal(text, text, "string", unit, "Money")
    return Literal(text, _plain(number), "decimal", unit, "Money")


def percent(text: str, words: ValueWords) -> Literal:
    number = _number(text, words)
    if number is None:
        return Literal(text, text, "string", "percent", "Percent")
    return Literal(text, _plain(number), "decimal", "percent", "Percent")


def count(text: str, words: ValueWords, unit: str | None = None) -> Literal:
    number = _number(text, words)
    if number is None:
        return Literal(text, text, "string", unit, "Quantity")
    datatype = "integer" if number == number.to_integral_value() else "decimal"
    return Literal(text, _plain(number), datatype, unit, "Quantity")


def date(text: str, words: ValueWords) -> Literal:
    """A date as xsd:date or xsd:gYear where the text says enough, else the text itself."""
    cleaned = words.date_prefix.sub("", text.strip())
    for fmt in words.date_formats:
        try:
            parsed = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        if "%d" in fmt:
            return Literal(text, parsed.strftime("%Y-%m-%d"), "date", None, "Date")
        return Literal(text, parsed.strftime("%Y-%m"), "gYearMonth", None, "Date")
    named = _named_month(cleaned, words.months)
    if named is not None:
        return Literal(text, *named, None, "Date")
    year = re.fullmatch(rf"(?:\D*\s)?({YEAR})", cleaned)
    if year:
        return Literal(text, year.group(1), "gYear", None, "Date")
    return Literal(text, text, "string", None, "Date")


def _named_month(text: str, months: dict[str, int]) -> tuple[str, str] | None:
    """'16 de novembro de 2023' -> ('2023-11-16', 'date'), 'novembro de 2023' -> ('2023-11', 'gYearMonth'):
    a day, a month name of `months` and a year, joined by "de" or a comma."""
    match = re.fullmatch(
        rf"(?:(\d{{1,2}})º?\s+(?:de\s+)?)?([^\W\d_]+)(?:,?\s+(?:de\s+)?({YEAR}))?", text, re.IGNORECASE
    )
    if match is None or match.group(2).lower() not in months or not (match.group(1) or match.group(3)):
        return None
    day, month, year = match.group(1), months[match.group(2).lower()], match.group(3)
    if year is None:
        return None  # a day and month without a year is not a date RDF can type
    if day is None:
        return f"{year}-{month:02d}", "gYearMonth"
    return f"{year}-{month:02d}-{int(day):02d}", "date"


def value_of(label: str, text: str, words: ValueWords) -> Literal | None:
    """A typed literal for a spaCy entity label that denotes a value, else None."""
    if text.endswith(".") and text[-2:-1].isalpha():  # "$20m." at a sentence's end: the full stop is not its
        text = text[:-1]
    if label == "MONEY":
        return money(text, words)
    if label == "PERCENT":
        return percent(text, words)
    if label in ("CARDINAL", "QUANTITY"):
        return count(text, words)
    if label == "DATE":
        return date(text, words)
    return None
