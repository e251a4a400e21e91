// Inbox: marking rows for bulk actions (mouse, Shift+click ranges, keyboard x), the count in
// the bulk bar, and live updates (server-sent events from /live). No inline scripts (CSP).
(function () {
  "use strict";
  var form = document.getElementById("sammel-form");
  if (!form) { return; }
  var counter = document.getElementById("markiert");
  var all = document.getElementById("alle-markieren");
  var last = null;

  function boxes() { return Array.prototype.slice.call(document.querySelectorAll("input.row-select")); }

  function refresh() {
    var marked = boxes().filter(function (b) { return b.checked; });
    counter.textContent = marked.length + " markiert";
    boxes().forEach(function (b) { b.closest("tr").classList.toggle("marked", b.checked); });
    if (all) {
      all.checked = marked.length > 0 && marked.length === boxes().length;
      all.indeterminate = marked.length > 0 && marked.length < boxes().length;
    }
  }

  document.addEventListener("click", function (event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("row-select")) { return; }
    var list = boxes();
    if (event.shiftKey && last && last !== box) {
      var a = list.indexOf(last), b = list.indexOf(box);
      list.slice(Math.min(a, b), Math.max(a, b) + 1).forEach(function (x) { x.checked = box.checked; });
    }
    last = box;
    refresh();
  });
  if (all) {
    all.addEventListener("change", function () {
      boxes().forEach(function (b) { b.checked = all.checked; });
      refresh();
    });
  }

  function typing(event) {
    var el = event.target;
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && el.type !== "checkbox");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) { return; }
    var row = document.activeElement && document.activeElement.closest ? document.activeElement.closest("tr.triage-row") : null;
    row = row || document.querySelector("tr.triage-row.selected");
    if (event.key === "x" && row) {
      var box = row.querySelector("input.row-select");
      box.checked = !box.checked;
      last = box;
      refresh();
      event.preventDefault();
    } else if (event.key === "b") {
      var action = document.getElementById("aktion");
      if (action) { action.focus(); event.preventDefault(); }
    }
  });

  form.addEventListener("submit", function (event) {
    var action = document.getElementById("aktion").value;
    if (!boxes().some(function (b) { return b.checked; })) {
      event.preventDefault();
      counter.textContent = "Bitte zuerst Fälle markieren";
    } else if (/^tags_/.test(action) && !document.getElementById("sammel-schlagwort").value.trim()) {
      event.preventDefault();
      document.getElementById("sammel-schlagwort").focus();
    }
  });
  refresh();

  // Live: a changed or new consultation -> reload the list (keeping marks) when nothing is being typed.
  if (window.EventSource && document.body.dataset.live !== "aus") {
    var note = document.getElementById("live-hinweis");
    var source = new EventSource("/live");
    source.addEventListener("consultation", function (message) {
      var data = {};
      try { data = JSON.parse(message.data); } catch (e) { return; }
      var row = document.querySelector('tr.triage-row[data-reference="' + (data.reference || "").replace(/[^A-Z0-9-]/g, "") + '"]');
      note.hidden = false;
      note.textContent = (data.kind === "created" ? "Neuer Fall eingegangen: " : "Fall geändert: ") + (data.reference || "") + " – ";
      var link = document.createElement("a");
      link.href = window.location.href;
      link.textContent = "Liste aktualisieren";
      note.appendChild(link);
      if (row) { row.classList.add("changed"); }
      var marked = boxes().some(function (b) { return b.checked; });
      var busy = document.activeElement && /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (!marked && !busy) { refreshList(); }
    });
  }

  function refreshList() {
    fetch(window.location.href, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var body = doc.querySelector("#eingangsliste tbody"), total = doc.getElementById("inbox-total");
      if (body) { document.querySelector("#eingangsliste tbody").replaceWith(body); }
      if (total) { document.getElementById("inbox-total").replaceWith(total); }
      var views = doc.querySelector("nav.views");
      if (views) { document.querySelector("nav.views").replaceWith(views); }
      refresh();
    }).catch(function () {});
  }
}());
