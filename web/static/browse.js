// The graph browser: search, expand, filter, communities and paths over kg's /api, drawn with Cytoscape.js.
// Text from articles is only ever set with textContent (or drawn on the canvas), never parsed as HTML.
"use strict";

const COLOURS = { Person: "#4e79a7", Organization: "#f28e2b", Place: "#59a14f", Product: "#e15759",
                  CreativeWork: "#b07aa1", Event: "#edc948", Thing: "#9c9c9c" };
const SPARE_COLOURS = ["#76b7b2", "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295"];
const $ = (id) => document.getElementById(id);

const state = { mode: "central", entities: [], community: "", path: null };

function colour(type) {
  if (!(type in COLOURS)) COLOURS[type] = SPARE_COLOURS[Object.keys(COLOURS).length % SPARE_COLOURS.length];
  return COLOURS[type];
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function status(message) { $("status").textContent = message; }

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    for (const item of [].concat(value)) if (item !== "" && item !== null && item !== undefined) query.append(name, item);
  }
  const response = await fetch(`/api/${path}?${query}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// ---- filters ---------------------------------------------------------------------------------------
function filters() {
  const boxes = [...document.querySelectorAll("#types input")];
  const checked = boxes.filter((box) => box.checked).map((box) => box.value);
  return {
    type: checked.length === boxes.length ? [] : checked,
    predicate: [...$("predicate").selectedOptions].map((option) => option.value),
    document: $("document").value,
    min_confidence: Number($("min-confidence").value) > 0 ? $("min-confidence").value : "",
  };
}

async function loadFacets() {
  const facets = await api("facets");
  for (const type of facets.types) {
    const label = element("label", null, { class: "type-choice" });
    const box = element("input", null, { type: "checkbox", value: type.id });
    box.checked = true;
    box.addEventListener("change", reload);
    const swatch = element("span", null, { class: "swatch" });
    swatch.style.background = colour(type.id);
    label.append(box, swatch, element("span", `${type.id} (${type.count})`));
    $("types").append(label);
  }
  for (const predicate of facets.predicates) {
    $("predicate").append(element("option", `${predicate.label} (${predicate.count})`, { value: predicate.id, title: predicate.id }));
  }
  for (const doc of facets.documents) $("document").append(element("option", doc.label, { value: doc.id }));
  for (const community of facets.communities) {
    $("community").append(element("option", `${community.label} (${community.size})`, { value: community.iri }));
  }
}

// ---- the graph -------------------------------------------------------------------------------------
cytoscape.use(cytoscapeFcose);
const TOP_LABELLED = 25;  // the most central entities drawn always carry their names, in a size by PageRank
const SMALL_GROUP = 2;  // in the overview, pieces of this many entities or fewer are listed, not drawn

const cy = cytoscape({
  container: $("graph"),
  minZoom: 0.2,
  maxZoom: 4,
  style: [
    { selector: "node", style: {
      "background-color": (node) => colour(node.data("type")), label: "data(label)",
      "font-size": "mapData(rank, 0, 1, 9, 20)", color: "#222",
      width: "mapData(rank, 0, 1, 16, 64)", height: "mapData(rank, 0, 1, 16, 64)", "text-valign": "bottom",
      "text-margin-y": 3, "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 9 } },
    { selector: "node.top", style: { "min-zoomed-font-size": 0, "font-weight": "bold", "z-index": 10 } },
    { selector: "node.centre", style: { "border-width": 3, "border-color": "#222" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#1a56c4" } },
    { selector: "edge", style: {
      width: "mapData(confidence, 0, 1, 1, 4)", "line-color": "#b8b8b8", "target-arrow-color": "#b8b8b8",
      "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 8,
      "text-rotation": "autorotate", color: "#555", "text-outline-color": "#fff", "text-outline-width": 2,
      "min-zoomed-font-size": 10 } },
    { selector: "edge:selected", style: { "line-color": "#1a56c4", "target-arrow-color": "#1a56c4" } },
    { selector: ".on-path", style: { "line-color": "#d62728", "target-arrow-color": "#d62728", "border-width": 3,
                                     "border-color": "#d62728" } },
  ],
});

function toElements(data) {
  return [
    ...data.nodes.map((node) => ({ group: "nodes", data: node })),
    ...data.edges.map((edge) => ({ group: "edges", data: edge })),
  ];
}

function layout() {
  cy.nodes().removeClass("top");
  cy.nodes().sort((a, b) => b.data("rank") - a.data("rank")).slice(0, TOP_LABELLED).addClass("top");
  cy.layout({ name: "fcose", quality: "default", randomize: true, animate: false, nodeDimensionsIncludeLabels: true,
              packComponents: true, idealEdgeLength: () => 80, nodeRepulsion: () => 8000, numIter: 2500 }).run();
  cy.fit(undefined, 30);
}

// The overview draws the connected pieces and lists the small ones ("and 42 smaller groups") beside it.
function setAsideSmallGroups() {
  const small = cy.elements().components().filter((piece) => piece.nodes().length <= SMALL_GROUP);
  for (const piece of small) piece.remove();
  return small.map((piece) => piece.nodes().map((node) => node.data()));
}

function listSmallGroups(groups) {
  const panel = $("details");
  panel.replaceChildren(element("h2", `${groups.length} smaller groups`),
                        element("p", "Entities linked to few others in the overview; open one to read it.", { class: "hint" }));
  const list = element("ul", null, { class: "groups" });
  for (const group of groups) {
    const item = element("li");
    group.forEach((node, i) => {
      if (i) item.append(" — ");
      item.append(element("a", node.label, { href: node.page || "#" }));
    });
    list.append(item);
  }
  panel.append(list);
}

function show(data, message) {
  cy.elements().remove();
  cy.add(toElements(data));
  for (const id of data.centres || []) cy.getElementById(id).addClass("centre");
  const groups = state.mode === "central" ? setAsideSmallGroups() : [];
  layout();
  const said = typeof message === "function" ? message(cy.nodes().length) : message;
  status(said + (data.truncated ? " (only the most central are shown)" : ""));
  $("small-groups").hidden = !groups.length;
  if (groups.length) {
    const entities = groups.reduce((n, group) => n + group.length, 0);
    $("small-groups").textContent = `and ${groups.length} smaller groups (${entities} entities)`;
    $("small-groups").onclick = () => listSmallGroups(groups);
  }
}

async function reload() {
  const params = filters();
  if (document.querySelector("#types input") && !params.type.length && !document.querySelector("#types input:checked")) {
    cy.elements().remove();
    status("Choose at least one type to see entities.");
    return;
  }
  try {
    if (state.mode === "entities" && state.entities.length) {
      const data = await api("graph", { ...params, entity: state.entities, depth: $("depth").value });
      show(data, `${data.nodes.length} entities around ${state.entities.length} chosen`);
    } else if (state.mode === "community" && state.community) {
      const data = await api("graph", { ...params, community: state.community });
      show(data, `${data.nodes.length} entities in the community`);
    } else if (state.mode === "path" && state.path) {
      await findPath();
    } else {
      const data = await api("graph", params);
      show(data, (drawn) => `the ${drawn} most central entities`);
    }
  } catch (error) {
    status(`Could not load the graph: ${error.message}`);
  }
}

async function expand(id) {
  try {
    const data = await api("graph", { ...filters(), entity: id, depth: $("depth").value });
    if (state.mode !== "entities") state.entities = [];
    state.mode = "entities";
    if (!state.entities.includes(id)) state.entities.push(id);
    const origin = cy.getElementById(id);
    const around = origin.nonempty() ? origin.position() : { x: 0, y: 0 };
    const added = cy.add(toElements(data).filter((item) => cy.getElementById(item.data.id).empty()));
    added.nodes().forEach((node, i) => node.position({ x: around.x + 60 * Math.cos(i), y: around.y + 60 * Math.sin(i) }));
    cy.getElementById(id).addClass("centre");
    layout();
    status(`${cy.getElementById(id).data("label")}: ${data.nodes.length - 1} neighbours (${added.nodes().length} new)`);
  } catch (error) {
    status(`Could not expand: ${error.message}`);
  }
}

// ---- details panel ---------------------------------------------------------------------------------
function sentence(segments) {
  const quote = element("blockquote", null, { class: "sentence" });
  for (const segment of segments) {
    quote.append(segment.classes.length
      ? element("mark", segment.text, { class: segment.classes.join(" ") })
      : document.createTextNode(segment.text));
  }
  return quote;
}

function showNode(node) {
  const panel = $("details");
  panel.replaceChildren();
  const data = node.data();
  const title = element("h2");
  title.append(element("a", data.label, { href: data.page || "#", class: "entity-link" }));
  panel.append(title, element("p", `${data.type} · PageRank ${data.pagerank.toFixed(4)}`));
  const actions = element("p", null, { class: "actions" });
  const expandButton = element("button", "Expand neighbours", { type: "button" });
  expandButton.addEventListener("click", () => expand(data.id));
  actions.append(expandButton);
  if (data.community) {
    const communityButton = element("button", "Show its community", { type: "button" });
    communityButton.addEventListener("click", () => { $("community").value = data.community; chooseCommunity(); });
    actions.append(communityButton);
  }
  panel.append(actions, element("p", "Open the entity page for every statement and its sources.", { class: "hint" }));
}

async function showEdge(edge) {
  const panel = $("details");
  const data = edge.data();
  panel.replaceChildren(element("h2", `${cy.getElementById(data.source).data("label")} — ${data.label} → ` +
                                      `${cy.getElementById(data.target).data("label")}`),
                        element("p", `confidence ${data.confidence.toFixed(2)} · ${data.statements} statement(s) in ` +
                                     `${data.documents} document(s)`));
  try {
    const found = await api("statements", { subject: data.source, object: data.target, predicate: data.predicate });
    for (const fact of found.statements) {
      for (const source of fact.sources) {
        const item = element("div", null, { class: "source" });
        item.append(sentence(source.sentence));
        const from = element("p", "from ", { class: "from" });
        from.append(element("a", source.title, { href: source.page || "#" }));
        item.append(from);
        panel.append(item);
      }
    }
  } catch (error) {
    panel.append(element("p", `Could not read the sources: ${error.message}`));
  }
}

// ---- hovering an entity: its type and the facts most stated about it ---------------------------------
function factText(fact) { return `${fact.subject} ${fact.label} ${fact.object}`; }

cy.on("mouseover", "node", (event) => {
  const data = event.target.data();
  const tip = $("tooltip");
  const articles = data.articles === 1 ? "1 article" : `${data.articles} articles`;
  tip.replaceChildren(element("p", null), element("p", `${data.type} · ${articles}`));
  tip.firstChild.append(element("strong", data.label));
  if (data.facts.length) tip.append(element("ul", null));
  for (const fact of data.facts) tip.lastChild.append(element("li", `${factText(fact)} (${fact.statements})`));
  const at = event.target.renderedPosition();
  tip.style.left = `${Math.max(0, at.x + 12)}px`;
  tip.style.top = `${Math.max(0, at.y + 12)}px`;
  tip.hidden = false;
});
cy.on("mouseout", "node", () => { $("tooltip").hidden = true; });
cy.on("pan zoom", () => { $("tooltip").hidden = true; });

cy.on("tap", "node", (event) => { showNode(event.target); expand(event.target.id()); });
cy.on("tap", "edge", (event) => showEdge(event.target));

// ---- search boxes with suggestions ----------------------------------------------------------------
function suggestionText(result) {
  const parts = [result.type];
  if (result.about) parts.push(result.about);
  parts.push(result.articles === 1 ? "1 article" : `${result.articles} articles`);
  return (result.alias ? ` also “${result.alias}” · ` : " ") + parts.join(" · ");
}

function autocomplete(input, list, choose) {
  let timer = null;
  let results = [];
  let active = -1;
  const options = () => [...list.children];
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const pick = (result) => { input.value = result.label; input.dataset.id = result.id; close(); choose(result); };
  const highlight = (index) => {
    active = (index + results.length) % results.length;
    options().forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", options()[active].id);
  };
  input.addEventListener("input", () => {
    delete input.dataset.id;
    clearTimeout(timer);
    if (!input.value.trim()) { close(); return; }
    timer = setTimeout(async () => {
      try {
        results = (await api("search", { q: input.value, limit: 8 })).results;
      } catch (error) {
        results = [];
      }
      active = -1;
      list.replaceChildren(...results.map((result, i) => {
        const option = element("li", null, { role: "option", id: `${list.id}-${i}`, class: "suggestion",
                                             "aria-selected": "false" });
        const swatch = element("span", null, { class: "swatch" });
        swatch.style.background = colour(result.type);
        option.append(swatch, element("span", result.label), element("small", suggestionText(result)));
        option.addEventListener("mousedown", (event) => { event.preventDefault(); pick(result); });
        return option;
      }));
      list.hidden = !results.length;
      input.setAttribute("aria-expanded", String(Boolean(results.length)));
    }, 150);
  });
  input.addEventListener("keydown", (event) => {
    const open = results.length && !list.hidden;
    if (event.key === "ArrowDown" && open) { event.preventDefault(); highlight(active + 1); }
    if (event.key === "ArrowUp" && open) { event.preventDefault(); highlight(active - 1); }
    if (event.key === "Enter" && open) { event.preventDefault(); pick(results[Math.max(active, 0)]); }
    if (event.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}

autocomplete($("search"), $("search-results"), (result) => {
  state.mode = "entities";
  state.entities = [result.id];
  reload().then(() => { const node = cy.getElementById(result.id); node.select(); if (node.nonempty()) showNode(node); });
});
autocomplete($("path-from"), $("path-from-results"), () => {});
autocomplete($("path-to"), $("path-to-results"), () => {});

// ---- communities and paths -------------------------------------------------------------------------
function chooseCommunity() {
  state.community = $("community").value;
  state.mode = state.community ? "community" : "central";
  reload();
}

async function findPath() {
  const source = $("path-from").dataset.id || $("path-from").value;
  const target = $("path-to").dataset.id || $("path-to").value;
  try {
    const data = await api("path", { ...filters(), source, target });
    state.mode = "path";
    state.path = [source, target];
    show(data, `${data.paths.length} shortest path(s)`);
    cy.elements().addClass("on-path");
    $("path-result").textContent = data.paths.length
      ? data.paths.map((path) => path.map((id) => cy.getElementById(id).data("label")).join(" → ")).join("; ")
      : "No path between them (with these filters).";
  } catch (error) {
    $("path-result").textContent = error.message;
  }
}

$("path-form").addEventListener("submit", (event) => { event.preventDefault(); findPath(); });
$("community").addEventListener("change", chooseCommunity);
$("show-central").addEventListener("click", () => { state.mode = "central"; $("community").value = ""; reload(); });
$("search-form").addEventListener("submit", (event) => event.preventDefault());
for (const id of ["predicate", "document", "depth"]) $(id).addEventListener("change", reload);
$("min-confidence").addEventListener("input", () => {
  $("min-confidence-value").textContent = Number($("min-confidence").value).toFixed(2);
});
$("min-confidence").addEventListener("change", reload);

// ---- start: /?entity=IRI or /?community=IRI open on that --------------------------------------------
(async function start() {
  const asked = new URLSearchParams(window.location.search);
  try {
    await loadFacets();
  } catch (error) {
    status(`Could not read the graph: ${error.message}`);
    return;
  }
  if (asked.get("community")) {
    $("community").value = asked.get("community");
    state.mode = "community";
    state.community = asked.get("community");
  } else if (asked.get("entity")) {
    state.mode = "entities";
    state.entities = asked.getAll("entity");
  }
  await reload();
  document.body.dataset.ready = "true";
})();
