// An entity page's charts: each measure stated at several dates, drawn with Chart.js from the series the
// page carries in its data-series attribute (a JSON object: label, unit, points [[date, value], ...]).
"use strict";

for (const canvas of document.querySelectorAll("canvas.series")) {
  const series = JSON.parse(canvas.dataset.series);
  new Chart(canvas, {
    type: "line",
    data: {
      labels: series.points.map(([date]) => date),
      datasets: [{ label: series.unit ? `${series.label} (${series.unit})` : series.label,
                   data: series.points.map(([, value]) => value), borderColor: "#1a56c4",
                   backgroundColor: "#1a56c4", tension: 0 }],
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
               plugins: { legend: { display: false } }, scales: { y: { beginAtZero: false } } },
  });
}
