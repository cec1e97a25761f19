"""Statement confidence: calibrated on judged CoNLL04 dev statements, so that it means something."""

from __future__ import annotations

import re

from conftest import SHARED, needs_shared, run
from test_extract import facts

from kg.extract.calibration import Calibration
from kg.records import Mention


def confidences(extractor, text: str) -> dict[tuple[str, str, str], float]:
    out = {}
    for rs in facts(extractor, text).statements:
        if rs.statement is not None:
            out[(rs.subject.label, rs.predicate.label, rs.object.label)] = rs.statement.confidence
    return out


def test_a_statement_through_a_pronoun_is_less_certain_than_one_naming_both_ends(extractor):
    found = confidences(
        extractor, "Initech Corporation hired Maria Santos in 2019. She later joined Globex Corporation."
    )
    named = found[("Maria Santos", "hired by", "Initech Corporation")]
    through_pronoun = found[("Maria Santos", "join", "Globex Corporation")]
    assert 0 < through_pronoun < named < 1


@needs_shared
def test_fitting_prints_cross_validated_reliability_and_writes_a_working_calibration(tmp_path):
    output = tmp_path / "confidence.json"
    result = run(
        "train",
        "calibration",
        "--dev",
        SHARED / "data" / "conll04" / "conll04_dev.json",
        "--news",
        SHARED / "eval" / "news",
        "-o",
        output,
    )
    assert result.exit_code == 0, result.output
    news = result.stdout.split("news, facts (what kg outputs by default)")[1].split("news, facts and open")[0]
    top = re.search(r"confidence >= 0.8: (\d+) statements, (\d+)% right", news)
    low = re.search(r"confidence 0.0-0.5: +(\d+) statements, (\d+)% right", news)
    assert top and low and int(top.group(1)) >= 20
    # on the judged news facts, high confidence means strictly right (the target: 85%, measured 87%)
    assert int(top.group(2)) >= 85 and int(top.group(2)) > int(low.group(2)) + 15
    # the values kg gives its statements: the fitted calibration's, on the judged news facts
    values = re.search(r"confidence values the fitted calibration gives to 1% or more of them: (\d+)", result.stdout)
    assert values and int(values.group(1)) >= 10
    judged = re.search(r"(\d+) judged statements \((\d+) judgements matched nothing\)", result.stderr)
    assert judged and int(judged.group(2)) <= 0.02 * (int(judged.group(1)) + int(judged.group(2)))  # still kg's
    calibration = Calibration.load(output)
    named, pronoun = Mention(0, 6, "Globex", "entity", "Organization", 0), Mention(0, 2, "It", "pronoun", "Thing", 0)
    bought = Mention(14, 21, "Initech", "entity", "Organization", 0)
    assert calibration.statement(
        "verb-object", named, bought, len("Globex bought Initech"), (), None
    ) > calibration.statement("verb-object", pronoun, bought, len("It bought Initech"), (), None)
    assert calibration.statement(
        "verb-object", named, bought, len("Globex bought Initech"), (), None
    ) > calibration.statement("verb-object", named, bought, len("Globex bought Initech"), ("hedged",), "hypothetical")
    assert 0 < calibration.classifier(0.95) <= 1
