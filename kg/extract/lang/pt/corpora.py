"""Readers and converters for the Portuguese training corpora (UD treebanks in CoNLL-U, NER in token/tag columns).

UD multi-word tokens ("da" = "de" + "a", "contratou-o") are merged into one spaCy token, as `spacy convert -T` does:
the token takes the POS, head and label of the word of the pair nearest the root ("da": ADP, case), the tag
joins the parts' UPOS ("ADP_DET") and the lemma joins theirs ("de o").

Most of the GSD train file here is the treebank's early release (UD v1 conventions converted to v2: no features,
a fifth of lemmas missing, oblique nominals as `nmod`, `flat` names, `que` as CCONJ `mark`, modals as `aux`, ser
and estar heading their predicate); about an eighth of its sentences are the revised release, which follows
Bosque's conventions. `harmonise` rewrites a legacy sentence to the revised conventions, and its missing lemmas
and features become missing annotation.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.training.converters import conllu_to_docs
from spacy.vocab import Vocab

Row = list[str]  # the ten CoNLL-U columns of one line
ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL = range(8)

# HAREM/Paramopama categories kept, as spaCy labels; TEMPO and VALOR become O
NER_LABELS = {"PESSOA": "PER", "ORGANIZACAO": "ORG", "LOCAL": "LOC", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}
MODAL_PREFIXES = ("pod", "pud", "pôd", "poss", "dev")  # forms of poder, dever: VERB heading an xcomp in Bosque
ESTAR = re.compile(r"est(ar|ou|ás?|amos|ão|ava|avam|ive|eve|iveram|ivesse|ivessem|ejam?|ando|ado|aria|ará|arão|iver)$")
PREDICATES = {"VERB", "AUX", "ADJ", "ADV"}
RENAMED = {"det:poss": "det", "expl:pv": "expl", "acl:inf": "acl"}
CALENDAR = {  # PROPN in legacy GSD, NOUN in the revised release and Bosque
    *("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto"),
    *("setembro", "outubro", "novembro", "dezembro", "segunda", "terça", "quarta", "quinta"),
    *("sexta", "feira", "sábado", "domingo"),
}
RETAGGED = {"onde": "PRON", "porém": "CCONJ", "ex": "ADJ"}


def read_conllu(path: Path) -> list[list[Row]]:
    """The sentences of a CoNLL-U file, each as its token and multi-word lines (comments and empty nodes dropped)."""
    sentences: list[list[Row]] = []
    rows: list[Row] = []
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.strip():
            if rows:
                sentences.append(rows)
            rows = []
        elif not line.startswith("#"):
            row = line.split("\t")
            if "." not in row[ID]:
                rows.append(row)
    if rows:
        sentences.append(rows)
    return sentences


def is_legacy(rows: list[Row]) -> bool:
    """Whether a sentence is in the early GSD annotation: most of its nouns and verbs have no features."""
    content = [row for row in rows if row[UPOS] in ("NOUN", "VERB")]
    return bool(content) and sum(row[FEATS] != "_" for row in content) < 0.8 * len(content)


def harmonise(rows: list[Row]) -> list[Row]:
    """Rewrite a legacy GSD sentence to the revised GSD / Bosque conventions (rows are changed in place)."""
    words = {int(row[ID]): row for row in rows if row[ID].isdigit()}

    def children(i: int) -> list[Row]:
        return [row for row in words.values() if int(row[HEAD]) == i]

    for i, modal in words.items():  # "pode sair": pode heads sair (xcomp) and takes the clause's subject and markers
        verb = words.get(int(modal[HEAD]))
        if modal[DEPREL] == "aux" and modal[FORM].lower().startswith(MODAL_PREFIXES) and verb:
            v = int(verb[ID])
            for child in children(v):
                if int(child[ID]) < i and child is not modal:
                    child[HEAD] = str(i)
            modal[HEAD], modal[DEPREL], modal[UPOS] = verb[HEAD], verb[DEPREL], "VERB"
            verb[HEAD], verb[DEPREL] = str(i), "xcomp"
    for i, copula in words.items():  # "é necessário", "está em Lisboa": the predicate heads, ser/estar is its cop
        complements = [child for child in children(i) if child[DEPREL] == "xcomp"] or [
            child for child in children(i) if child[DEPREL] == "nmod" and int(child[ID]) > i
        ]
        lemma = copula[LEMMA] if copula[LEMMA] != "_" else "estar" * bool(ESTAR.match(copula[FORM].lower()))
        if lemma in ("ser", "estar") and copula[UPOS] == "VERB" and complements:
            predicate = complements[0]
            for child in children(i):
                child[HEAD] = predicate[ID]
            predicate[HEAD], predicate[DEPREL] = copula[HEAD], copula[DEPREL]
            copula[HEAD], copula[DEPREL], copula[UPOS] = predicate[ID], "cop", "AUX"
    for i, row in words.items():
        head = words.get(int(row[HEAD]))
        if row[DEPREL] == "nmod" and head and head[UPOS] in PREDICATES:
            passive = any(child[DEPREL] == "aux:pass" for child in children(int(head[ID])))
            by = any(child[DEPREL] == "case" and child[FORM].lower() == "por" for child in children(i))
            row[DEPREL] = "obl:agent" if passive and by else "obl"
        elif row[UPOS] == "PROPN" and (
            row[DEPREL] == "flat" or (row[DEPREL] == "amod" and head and head[UPOS] == "PROPN" and int(head[ID]) < i)
        ):
            row[DEPREL] = "flat:name"
        row[DEPREL] = RENAMED.get(row[DEPREL], row[DEPREL])
        if row[DEPREL] == "mark" and row[UPOS] in ("CCONJ", "ADP"):
            row[UPOS] = "SCONJ"
        form = row[FORM].lower()
        if row[UPOS] == "PART" and form == "se":
            row[UPOS] = "PRON"
        elif row[UPOS] == "PROPN" and form in CALENDAR:
            row[UPOS] = "NOUN"
        row[UPOS] = RETAGGED.get(form, row[UPOS])
    return rows


def ud_docs(path: Path, *, n_sents: int = 1, training: bool = False, limit: int | None = None) -> list[Doc]:
    """A UD file as spaCy docs of n_sents sentences, multi-word tokens merged, tag = the parts' UPOS joined by "_".

    For training, legacy GSD sentences are harmonised and their tokens without features get none set (missing,
    not "no features"). Lemmas given as "_" are missing everywhere.
    """
    sentences = read_conllu(path)[:limit]
    docs = []
    for start in range(0, len(sentences), n_sents):
        group = sentences[start : start + n_sents]
        legacy = [training and is_legacy(rows) for rows in group]
        text = []
        for rows, old in zip(group, legacy, strict=True):
            for row in harmonise(rows) if old else rows:
                row[XPOS] = row[UPOS]
            text.append("\n".join("\t".join(row) for row in rows))
        sent_docs = list(conllu_to_docs("\n\n".join(text), n_sents=1, merge_subtokens=True, no_print=True))
        for sent_doc, old in zip(sent_docs, legacy, strict=True):
            for token in sent_doc:
                if "_" in token.lemma_.split(" "):
                    token.lemma_ = ""
                if old and not token.morph:
                    token.set_morph(None)
        docs.append(Doc.from_docs(sent_docs) if len(sent_docs) > 1 else sent_docs[0])
    return docs


def pos_patterns(docs: list[Doc]) -> list[dict]:
    """Attribute ruler patterns giving each merged tag its most frequent POS in the docs ("ADP_DET": ADP).

    Patterns rather than a tag map, which would also clear the morphologizer's features."""
    counts: dict[str, Counter[str]] = {}
    for doc in docs:
        for token in doc:
            counts.setdefault(token.tag_, Counter())[token.pos_] += 1
    return [
        {"patterns": [[{"TAG": tag}]], "attrs": {"POS": pos.most_common(1)[0][0]}}
        for tag, pos in sorted(counts.items())
        if tag
    ]


def features_only(docs: list[Doc]) -> list[Doc]:
    """The docs with POS cleared, so that the morphologizer learns features only (POS comes from the tagger)."""
    for doc in docs:
        for token in doc:
            token.pos_ = ""
    return docs


def read_columns(path: Path) -> list[tuple[list[str], list[str]]]:
    """The sentences of a `token<TAB>tag` file as (words, tags); WikiANN's "pt:" prefix is stripped."""
    sentences, words, tags = [], [], []
    for line in [*path.read_text(encoding="utf8").splitlines(), ""]:
        if line.strip():
            word, tag = line.rsplit("\t", 1)
            words.append(word.removeprefix("pt:"))
            tags.append(tag)
        elif words:
            sentences.append((words, tags))
            words, tags = [], []
    return sentences


def ner_doc(vocab: Vocab, words: list[str], tags: list[str]) -> Doc:
    """A sentence with its PER/ORG/LOC entities. HAREM's IO tags: a run of one category is one entity."""
    iob = []
    for i, tag in enumerate(tags):
        prefix, _, category = tag.rpartition("-")
        label = NER_LABELS.get(category)
        if label is None:
            iob.append("O")
        elif prefix:
            iob.append(f"{prefix}-{label}")
        else:
            iob.append(f"{'I' if i and tags[i - 1] == tag else 'B'}-{label}")
    doc = Doc(vocab, words=words)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(iob))
    return doc


def sentence_key(words: list[str]) -> str:
    """What two copies of a sentence share, whatever their spacing or case."""
    return "".join(words).lower()


def split_news(
    sentences: list[tuple[list[str], list[str]]], held_out: set[str], *, block: int = 50, dev_share: int = 10
) -> tuple[list[tuple[list[str], list[str]]], list[tuple[list[str], list[str]]], int]:
    """Train and dev parts of a news corpus without the sentences in held_out; dev takes every dev_share-th
    block of consecutive sentences (so that mostly whole articles go one way). Also returns how many were dropped."""
    train: list = []
    dev: list = []
    dropped = 0
    for i, sentence in enumerate(sentences):
        if sentence_key(sentence[0]) in held_out:
            dropped += 1
        else:
            (dev if (i // block) % dev_share == 0 else train).append(sentence)
    return train, dev, dropped
