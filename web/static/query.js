// The query page: YASGUI on kg's /sparql, the example queries one click away.
"use strict";

const config = JSON.parse(document.getElementById("kg-config").textContent);

const yasgui = new Yasgui(document.getElementById("yasgui"), {
  requestConfig: { endpoint: config.endpoint, method: "POST" },
  copyEndpointOnNewTab: false,
  endpointCatalogueOptions: { getData: () => [{ endpoint: config.endpoint }] },
  persistenceId: "kg-query",
  yasqe: { value: config.examples.length ? config.examples[0].query : "" },
});

function runExample(index) {
  const tab = yasgui.getTab();
  tab.setQuery(config.examples[index].query);
  tab.query();
}

for (const button of document.querySelectorAll("button.example")) {
  button.addEventListener("click", () => runExample(Number(button.dataset.index)));
}
