// okrs: small behaviours on top of htmx. No framework, no build step.
(function () {
  "use strict";
  // Close an open <details> menu when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.menu[open]").forEach(function (menu) { menu.removeAttribute("open"); });
  });
})();

// === Alignment tree: "Expand all" / "Collapse all" =========================================
// Delegated, so it keeps working after htmx swaps the tree for another cycle or team.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-tree-action]");
    if (!button) return;
    var tree = document.getElementById(button.getAttribute("aria-controls"));
    if (!tree) return;
    var open = button.getAttribute("data-tree-action") === "expand";
    tree.querySelectorAll("details.tree-objective").forEach(function (node) { node.open = open; });
  });
})();
// === end of alignment tree ===================================================================

// === Editing forms ===========================================================================
// The key-result form shows only the fields of the chosen kind (metric: scale and direction;
// binary: chance of success). Hidden fields are disabled so they are not sent. Without
// JavaScript every field shows and the server ignores or refuses what does not apply.
(function () {
  "use strict";
  function showFieldsOfKind(form) {
    var kind = form && form.querySelector("[data-kind-switch]");
    if (!kind) return;
    form.querySelectorAll("[data-kind]").forEach(function (input) {
      var applies = input.getAttribute("data-kind") === kind.value;
      (input.closest(".field") || input).hidden = !applies;
      input.disabled = !applies;
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-kind-switch]")) showFieldsOfKind(event.target.form);
  });
  function init(root) {
    root.querySelectorAll("[data-kind-switch]").forEach(function (kind) { showFieldsOfKind(kind.form); });
  }
  init(document);
  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
})();
// === end of editing forms ====================================================================

// === Key-result page: check-in dialog and chart ==============================================
// The dialog: a "Check in" button appends <dialog data-okrs-dialog> to the page (htmx,
// hx-target="body" hx-swap="beforeend"); it is opened here with showModal, so focus stays inside
// and Escape closes it. The form swaps itself on errors (status 200); a saved check-in answers
// with the event "checkin-saved" (detail: key_result, objective, message), which closes the
// dialog. Pages refresh what shows that key result by listening to the same event, e.g.
// hx-trigger="checkin-saved[detail.key_result==12] from:body".
(function () {
  "use strict";
  var DIALOG = "dialog[data-okrs-dialog]";

  function focusFirstField(dialog) {
    var field = dialog.querySelector("[aria-invalid=true]") || dialog.querySelector("[autofocus]") ||
      dialog.querySelector("input:not([type=hidden]), select, textarea, button");
    if (field) field.focus();
  }

  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll(DIALOG).forEach(function (dialog) {
      if (dialog.open) {
        if (dialog.contains(document.activeElement) && !dialog.querySelector("[aria-invalid=true]")) return;
        focusFirstField(dialog);  // the form came back with errors: go to the first one
        return;
      }
      if (document.querySelector(DIALOG + "[open]")) { dialog.remove(); return; }  // a double click
      dialog.showModal();
      focusFirstField(dialog);
    });
  });

  // A closed dialog is gone for good: the next "Check in" loads a fresh form.
  document.addEventListener("close", function (event) {
    var dialog = event.target;
    if (dialog.matches && dialog.matches(DIALOG)) setTimeout(function () { dialog.remove(); }, 0);
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target;
    var closer = target.closest && target.closest("[data-dialog-close]");
    var dialog = closer ? closer.closest("dialog") : (target.matches && target.matches(DIALOG) ? target : null);
    if (dialog) dialog.close();  // a close button, or a click on the backdrop around the dialog
  });

  // A refusal (403) is a message for people: show it in the dialog rather than drop it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    if (detail.xhr.status === 403 && detail.serverResponse.indexOf("data-check-in-refused") !== -1) {
      detail.shouldSwap = true;
      detail.isError = false;
    }
  });

  function toast(message) {
    if (!message) return;
    var old = document.querySelector(".okrs-toast");
    if (old) old.remove();
    var note = document.createElement("div");
    note.className = "okrs-toast";
    note.setAttribute("role", "status");
    note.textContent = message;
    document.body.appendChild(note);
    setTimeout(function () { note.remove(); }, 3500);
  }

  document.addEventListener("checkin-saved", function (event) {
    document.querySelectorAll(DIALOG + "[open]").forEach(function (dialog) { dialog.close(); });
    toast(event.detail && event.detail.message);
  });
})();

// The chart of a key result (uPlot, loaded by the key-result page only). The page embeds the
// lines as JSON (json_script): points [POSIX seconds, value] for the check-ins, the ideal pace,
// the target and the projection. Re-drawn whenever htmx swaps in a new #kr-chart.
(function () {
  "use strict";
  var BRAND = "#3d4ee0", MUTED = "#5b6470", GRID = "#eef0f3", IDEAL = "#9aa3ae", TARGET = "#1f7a4d";
  var LINES = ["values", "ideal", "target", "projection"];

  function formats(data) {
    var lang = document.documentElement.lang || undefined;
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: Math.max(1, data.decimals) });
    var shortDay = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short" });
    var longDay = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });
    return {
      value: function (v) {
        if (v === null || v === undefined) return "–";
        var text = number.format(v);
        if (!data.unit) return text;
        return data.unit === "%" ? text + "%" : text + " " + data.unit;
      },
      shortDay: function (ts) { return shortDay.format(new Date(ts * 1000)); },
      longDay: function (ts) { return ts === null || ts === undefined ? "–" : longDay.format(new Date(ts * 1000)); },
    };
  }

  // uPlot draws lines over one shared x array: merge every line's times, null where a line has none.
  function aligned(series) {
    var times = [];
    LINES.forEach(function (name) { series[name].forEach(function (p) { times.push(p[0]); }); });
    times = Array.from(new Set(times)).sort(function (a, b) { return a - b; });
    var columns = LINES.map(function (name) {
      var at = new Map(series[name].map(function (p) { return [p[0], p[1]]; }));
      return times.map(function (t) { return at.has(t) ? at.get(t) : null; });
    });
    return [times].concat(columns);
  }

  // The legend reads every line at the hovered date: the value checked in by then, and the
  // straight lines (ideal pace, target, projection) where they run, even between their points.
  function lineAt(points, time) {
    if (!points.length || time < points[0][0] || time > points[points.length - 1][0]) return null;
    for (var i = 1; i < points.length; i++) {
      var a = points[i - 1], b = points[i];
      if (time <= b[0]) return b[0] === a[0] ? b[1] : a[1] + (b[1] - a[1]) * (time - a[0]) / (b[0] - a[0]);
    }
    return points[0][1];
  }
  function valueAsOf(points, time) {
    var found = null;
    points.forEach(function (p) { if (p[0] <= time) found = p[1]; });
    return found;
  }

  function heightFor(width) { return Math.round(Math.max(220, Math.min(340, width * 0.42))); }

  function todayLine(data) {
    return function (u) {
      var x = u.valToPos(data.today, "x", true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
      var ctx = u.ctx, ratio = window.devicePixelRatio || 1;
      ctx.save();
      ctx.strokeStyle = "rgba(27, 31, 36, .35)";
      ctx.lineWidth = ratio;
      ctx.setLineDash([4 * ratio, 4 * ratio]);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.fillStyle = MUTED;
      ctx.font = "600 " + 11 * ratio + "px system-ui, sans-serif";
      ctx.fillText(data.labels.today, x + 4 * ratio, u.bbox.top + 12 * ratio);
      ctx.restore();
    };
  }

  function draw(container) {
    if (container.okrsChart || typeof window.uPlot === "undefined") return;
    var source = document.getElementById(container.getAttribute("data-kr-chart"));
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var f = formats(data);
    var columns = aligned(data.series);
    var times = columns[0];
    var line = function (name, stroke, extra) {
      var points = data.series[name], read = name === "values" ? valueAsOf : lineAt;
      var spec = { label: data.labels[name], stroke: stroke, width: 1.75, spanGaps: true, points: { show: false },
        value: function (u, v, seriesIndex, index) {
          if ((v === null || v === undefined) && index !== null && index !== undefined) v = read(points, u.data[0][index]);
          return f.value(v);
        } };
      return Object.assign(spec, extra || {});
    };
    // Without a pointer on the chart the legend shows the newest check-in (or today).
    var values = data.series.values;
    var rest = values.length ? values[values.length - 1][0] : data.today;
    var restIndex = times.reduce(function (best, t, i) {
      return Math.abs(t - rest) < Math.abs(times[best] - rest) ? i : best;
    }, 0);
    var showRest = function (u) { if (u.cursor.idx === null || u.cursor.idx === undefined) u.setLegend({ idx: restIndex }); };
    var width = container.clientWidth || 600;
    var options = {
      width: width,
      height: heightFor(width),
      scales: { x: { time: true, range: [Math.min(data.start, times[0]), Math.max(data.end, times[times.length - 1])] } },
      series: [
        { label: data.labels.time, value: function (u, ts) { return f.longDay(ts); } },
        line("values", BRAND, { width: 2.5, points: { show: true, size: 9, width: 2, fill: "#fff", stroke: BRAND } }),
        line("ideal", IDEAL, { width: 1.5 }),
        line("target", TARGET, { width: 1.5, dash: [2, 5] }),
        line("projection", BRAND, { width: 2, dash: [7, 6] }),
      ],
      axes: [
        { stroke: MUTED, grid: { stroke: GRID }, ticks: { stroke: GRID },
          values: function (u, splits) { return splits.map(f.shortDay); } },
        { stroke: MUTED, grid: { stroke: GRID }, ticks: { stroke: GRID }, size: 64,
          values: function (u, splits) { return splits.map(f.value); } },
      ],
      cursor: { points: { size: 8 } },
      hooks: { draw: [todayLine(data)], ready: [showRest], setCursor: [showRest] },
    };
    var chart = new window.uPlot(options, columns, container);
    container.okrsChart = chart;
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(function () {
        if (!container.isConnected) { observer.disconnect(); chart.destroy(); return; }
        var w = container.clientWidth;
        if (w && w !== chart.width) chart.setSize({ width: w, height: heightFor(w) });
      });
      observer.observe(container);
    }
  }

  function init(root) {
    if (root.matches && root.matches("[data-kr-chart]")) draw(root);
    if (root.querySelectorAll) root.querySelectorAll("[data-kr-chart]").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
})();
// === end of key-result page ==================================================================

// === Coach panel: "Fill in the fields" ========================================================
// The coach reads metric, baseline, target, unit and direction from a key-result sentence and
// puts them in a JSON <script> next to its button (data-coach-fill = the script's id,
// data-coach-form = the form's id). The values are already written as the inputs expect them
// (decimal comma in Italian and French). Filling fires "change", so the panel lints again.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-coach-fill]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-coach-fill"));
    var form = document.getElementById(button.getAttribute("data-coach-form"));
    if (!source || !form) return;
    var values = JSON.parse(source.textContent);
    var kind = form.querySelector("[name=kind]");
    if (kind && kind.value !== "metric") { kind.value = "metric"; kind.dispatchEvent(new Event("change", { bubbles: true })); }
    Object.keys(values).forEach(function (name) {
      var input = form.querySelector("[name=" + name + "]");
      if (input && !input.disabled) input.value = values[name];
    });
    form.dispatchEvent(new Event("change", { bubbles: true }));
  });
})();
// === end of coach panel ======================================================================
