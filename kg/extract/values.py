"""Typed values from entity text: money, percentages, counts and dates."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from kg.records import Literal

_SCALES = {"thousand": 10**3, "k": 10**3, "mil": 10**3, "million": 10**6, "millions": 10**6, "m": 10**6,
           "mn": 10**6, "milhão": 10**6, "milhões": 10**6, "billion": 10**9, "billions": 10**9,
           "bn": 10**9, "b": 10**9, "bilhão": 10**9, "bilhões": 10**9, "trillion": 10**12,
           "trillions": 10**12, "tn": 10**12, "trilhão": 10**12, "trilhões": 10**12}
_CURRENCIES = [("US$", "USD"), ("R$", "BRL"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("$", "USD"),
               ("dollar", "USD"), ("dólar", "USD"), ("euro", "EUR"), ("pound", "GBP"), ("sterling", "GBP"),
               ("yen", "JPY"), ("yuan", "CNY"), ("renminbi", "CNY"), ("real", "BRL"), ("reais", "BRL")]
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                 "fifty": 50, "hundred": 100, "dozen": 12, "um": 1, "uma": 1, "dois": 2, "duas": 2,
                 "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "dez": 10, "cem": 100}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%B %Y", "%Y-%m-%d", "%b %d, %Y", "%d %b %Y", "%b %Y")


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


def _number(text: str) -> Decimal | None:
    match = _NUMBER.search(text)
    if match:
        number = _parse_number(match.group())
    else:
        words = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w in _WORD_NUMBERS]
        number = Decimal(_WORD_NUMBERS[words[0]]) if words else None
    if number is None:
        return None
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in _SCALES and (word not in ("m", "b", "k") or re.search(rf"\d\s*{word}\b", text.lower())):
            number *= _SCALES[word]
            break
    return number


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


def money(text: str) -> Literal:
    unit = next((code for sign, code in _CURRENCIES if sign.lower() in text.lower()), None)
    number = _number(text)
    if number is None:
        return Literal(text, text, "string", unit, "Money")
    return Literal(text, _plain(number), "decimal", unit, "Money")


def percent(text: str) -> Literal:
    number = _number(text)
    if number is None:
        return Literal(text, text, "string", "percent", "Percent")
    return Literal(text, _plain(number), "decimal", "percent", "Percent")


def count(text: str, unit: str | None = None) -> Literal:
    number = _number(text)
    if number is None:
        return Literal(text, text, "string", unit, "Quantity")
    datatype = "integer" if number == number.to_integral_value() else "decimal"
    return Literal(text, _plain(number), datatype, unit, "Quantity")


def date(text: str) -> Literal:
    """A date as xsd:date or xsd:gYear where the text says enough, else the text itself."""
    cleaned = re.sub(r"^(?:the|in|on|early|late|mid|since)\s+", "", text.strip(), flags=re.IGNORECASE)
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        if "%d" in fmt:
            return Literal(text, parsed.strftime("%Y-%m-%d"), "date", None, "Date")
        return Literal(text, parsed.strftime("%Y-%m"), "gYearMonth", None, "Date")
    year = re.fullmatch(r"(?:\D*\s)?((?:1[5-9]|20)\d\d)", cleaned)
    if year:
        return Literal(text, year.group(1), "gYear", None, "Date")
    return Literal(text, text, "string", None, "Date")


def value_of(label: str, text: str) -> Literal | None:
    """A typed literal for a spaCy entity label that denotes a value, else None."""
    if label == "MONEY":
        return money(text)
    if label == "PERCENT":
        return percent(text)
    if label in ("CARDINAL", "QUANTITY"):
        return count(text)
    if label == "DATE":
        return date(text)
    return None
