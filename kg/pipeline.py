"""Wires the stages in one direction: ingest -> extract -> resolve -> rdf -> store."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from kg.config import Settings
from kg.extract import Extractor
from kg.extract.calibration import statement_features
from kg.ingest import ingest
from kg.rdf import Minter, document_quads
from kg.rdf.merges import veto_quads
from kg.records import Document, Entity, IngestError, Resolution, ResolvedStatement, StoredMerge, Veto
from kg.resolve import Resolver, entity_key
from kg.resolve.reference import load_reference
from kg.store import KGStore
from kg.views.analytics import Analysis, analyze

ErrorHandler = Callable[[IngestError], None]


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit status."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    statements: int = 0
    new_entities: int = 0
    errors: list[IngestError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quads_before: int = 0
    quads_after: int = 0
    analysis: Analysis | None = None  # centrality and communities, computed again when documents changed


def documents(paths: Iterable[str | Path], settings: Settings, on_error: ErrorHandler) -> Iterator[Document]:
    """Clean documents from the inputs; each bad input is handed to on_error and skipped."""
    for item in ingest(paths, settings):
        if isinstance(item, IngestError):
            on_error(item)
        else:
            yield item


def resolutions(
    docs: Iterable[Document],
    extractor: Extractor,
    resolver: Resolver,
    min_confidence: float = 0.0,
    clauses: bool = False,
) -> Iterator[Resolution]:
    """Extract and resolve each document; statements below `min_confidence` are left out, and so are open
    clauses unless `clauses` is set."""
    for extraction in extractor.extract_all(docs):
        resolution = resolver.resolve(extraction)
        resolution.statements = [
            rs
            for rs in resolution.statements
            if (clauses or not rs.clause) and (rs.statement is None or rs.statement.confidence >= min_confidence)
        ]
        yield resolution


BATCH_QUADS = 50_000


def build(
    paths: Iterable[str | Path],
    settings: Settings,
    store: KGStore,
    on_error: ErrorHandler,
    progress: Callable[[Document], None] = lambda d: None,
    batch_quads: int = BATCH_QUADS,
) -> BuildReport:
    """Add the documents under `paths` to the store in one transaction; unchanged ones are skipped.
    Quads are written every `batch_quads` so memory stays flat however large the build. When documents
    were added or replaced, the analytics graph (centrality, communities) is computed again."""
    report = BuildReport(quads_before=len(store))
    stored = store.documents()
    stored_graphs = {d.graph for d in stored.values()}
    minter = Minter(settings.base_iri)
    resolver = stored_resolver(store, minter, store.vetoes(minter), reference_entities(settings))
    known = len(resolver.entities)
    drop: list[str] = []
    quads: list[Quad] = []
    seen_graphs: set[str] = set()

    def fresh(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            progress(doc)
            graph = minter.document(doc.content_hash)
            if graph in stored_graphs or graph in seen_graphs:
                report.unchanged += 1
                continue
            seen_graphs.add(graph)
            old = stored.get(doc.source)
            if old is not None:
                drop.append(old.graph)
                report.replaced += 1
            else:
                report.added += 1
            yield doc

    def record_error(error: IngestError) -> None:
        report.errors.append(error)
        on_error(error)

    with store.transaction():
        for resolution in resolutions(
            fresh(documents(paths, settings, record_error)),
            Extractor(settings.models, jobs=settings.jobs),
            resolver,
            settings.min_confidence,
            settings.clauses,
        ):
            extraction = resolution.extraction
            if extraction.skipped:
                report.notes.append(f"{extraction.document.source}: stored without statements ({extraction.skipped})")
            report.notes.extend(f"{extraction.document.source}: {note}" for note in extraction.notes)
            quads.extend(document_quads(resolution, minter, extraction.document.source)[1])
            report.statements += sum(1 for rs in resolution.statements if rs.statement is not None)
            if len(quads) >= batch_quads:
                store.commit(drop, quads, with_ontology=False)
                drop.clear()
                quads.clear()
        store.commit(drop, quads)
        if report.added or report.replaced:
            report.analysis = analyze(store, minter.base)
    report.new_entities = len(resolver.entities) - known
    report.quads_after = len(store)
    return report


def reference_entities(settings: Settings) -> list[Entity]:
    """The known entities of the settings' reference file (`--entities`), none without one; raises
    ReferenceError naming the file when it cannot be read."""
    return load_reference(settings.entities, entity_key) if settings.entities else []


def stored_resolver(
    store: KGStore, minter: Minter, vetoes: Iterable[Veto], reference: Iterable[Entity] = ()
) -> Resolver:
    """A resolver that knows the store's entities and the `reference` ones, and keeps apart what `vetoes` say."""
    resolver = Resolver()
    for veto in vetoes:
        resolver.keep_apart(veto)
    for entity in store.entities(minter.base):
        resolver.know(entity)
    for entity in reference:
        resolver.know(entity, reference=True)
    return resolver


_MENTION_REASONS = {"pronoun", "definite description"}


def unmerge(merges: Iterable[StoredMerge], settings: Settings, store: KGStore) -> list[Document]:
    """Undo merges: record a veto for each (a pronoun's or description's concerns that mention; a name's,
    every mention of the name), resolve the documents concerned again from their stored text, and
    replace their graphs, and compute the analytics graph again, all in one transaction. Returns the
    documents that were redone."""
    minter = Minter(settings.base_iri)
    hashes = {d.graph: d.content_hash for d in store.documents().values()}
    vetoes: list[Veto] = []
    graphs: set[str] = set()
    for merge in merges:
        key = merge.entity.removeprefix(minter.entity(""))
        if merge.reason in _MENTION_REASONS:
            vetoes.append(Veto(merge.label, key, hashes[merge.document], merge.start))
            graphs.add(merge.document)
        else:
            vetoes.append(Veto(merge.label, key))
            graphs |= store.graphs_naming(merge.entity, merge.label)
    docs = store.document_records(graphs)
    existing = store.vetoes(minter)
    resolver = stored_resolver(store, minter, [*existing, *vetoes])
    known = set(existing)
    new = [v for v in dict.fromkeys(vetoes) if v not in known]
    quads = [q for v in new for q in veto_quads(v, minter)]
    for resolution in resolutions(
        docs, Extractor(settings.models, jobs=settings.jobs), resolver, settings.min_confidence, settings.clauses
    ):
        quads.extend(document_quads(resolution, minter, resolution.extraction.document.source)[1])
    with store.transaction():
        store.commit(graphs, quads)
        analyze(store, minter.base)
    return docs


def extract(paths: Iterable[str | Path], settings: Settings, on_error: ErrorHandler) -> Iterator[Resolution]:
    """Resolutions for the inputs without touching a store (entities resolved across the batch)."""
    resolver = Resolver()
    for entity in reference_entities(settings):
        resolver.know(entity, reference=True)
    extractor = Extractor(settings.models, jobs=settings.jobs)
    yield from resolutions(
        documents(paths, settings, on_error), extractor, resolver, settings.min_confidence, settings.clauses
    )


JUDGED_ARTICLE = 10  # CoNLL04 dev sentences to an article, as when kg's statements were judged


@dataclass
class JudgedSet:
    """kg's judged statements read again: calibration features (or, for the relation classifier, its
    probability) with the judgement, strictly right or not, and the corpus each came from."""

    statements: list[tuple[list[str], bool]] = field(default_factory=list)
    statement_corpora: list[str] = field(default_factory=list)  # "news", or "news clauses" for open clauses
    classified: list[tuple[float, bool]] = field(default_factory=list)  # news statements of the classifier
    unmatched: int = 0  # judgements that matched no statement (made of an earlier kg's output)

    def add(self, corpus: str, rs: ResolvedStatement, right: bool) -> None:
        st = rs.statement
        assert st is not None
        if st.probability is not None:
            self.classified.append((st.probability, right))
        else:
            self.statements.append(
                (statement_features(st.pattern, st.subject, st.object, st.end - st.start, st.cues, st.modality), right)
            )
            self.statement_corpora.append(f"{corpus} clauses" if rs.clause else corpus)


def judged_statements(dev_file: Path, news_folder: Path | None, judgements_file: Path, settings: Settings) -> JudgedSet:
    """Read the judged articles again (CoNLL04 dev sentences ten to an article in file order, and the news
    articles in `news_folder`, open clauses included) and pair every judged statement with its judgement."""
    items = json.loads(Path(dev_file).read_text())
    judged: dict[tuple, bool] = {}
    for line in Path(judgements_file).read_text(encoding="utf-8").splitlines():
        j = json.loads(line)
        judged[(j["article"], j["subject"], j["predicate"], j["object"], j["pattern"])] = j["right"]
    starts = range(0, len(items), JUDGED_ARTICLE)
    articles = [
        Document(
            f"{dev_file}#{k}",
            "\n".join(" ".join(item["tokens"]) for item in items[k : k + JUDGED_ARTICLE]),
            f"conll04-dev-{k}",
            str(dev_file),
            "en",
        )
        for k in starts
    ]
    extractor = Extractor(settings.models)
    found = JudgedSet()

    def match(corpus: str, article: int | str, resolution: Resolution) -> None:
        for rs in resolution.statements:
            pattern = rs.statement and rs.statement.pattern
            key = (article, rs.subject.label, rs.predicate.label, rs.object.label, pattern)
            if key in judged:
                found.add(corpus, rs, judged.pop(key))

    for k, resolution in zip(starts, resolutions(articles, extractor, Resolver(), clauses=True), strict=True):
        match("conll04", k, resolution)
    wanted = {key[0] for key in judged if isinstance(key[0], str)}
    if news_folder is not None and wanted:
        for path in sorted(p for p in Path(news_folder).glob("*.txt") if p.stem in wanted):  # each as kg extract
            for resolution in resolutions(
                documents([path], settings, lambda error: None), extractor, Resolver(), clauses=True
            ):
                match("news", path.stem, resolution)
    found.unmatched = len(judged)
    return found
