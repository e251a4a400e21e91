// The reply editor of the case page (templates/_reply_editor.html); no inline scripts (CSP).
//   - Autosave: the text, To and CC are saved on the server as one types (debounced PUT
//     /api/consultations/{reference}/draft with the session's CSRF token).
//   - Text modules: "::" in the text or Ctrl+Space opens the picker; ↑/↓ choose, Enter inserts
//     the module (placeholders already filled for this consultation), Esc closes.
//   - Attachments: their total size is checked against the limit before sending.
(function () {
  "use strict";

  var form = document.getElementById("reply-form");
  if (!form) { return; }
  var body = document.getElementById("reply-body");
  var to = document.getElementById("reply-to");
  var cc = document.getElementById("reply-cc");
  var status = document.getElementById("draft-status");
  var csrf = form.querySelector("input[name=csrf_token]").value;
  var SAVE_DELAY_MS = 600;

  // ---- autosave -------------------------------------------------------------------------
  var timer = null;
  var saving = null;
  var inFlight = false;
  var dirty = false;
  var lastSaved = JSON.stringify({ body: body.value, to: to.value, cc: cc.value });

  function say(text) { if (status) { status.textContent = text; } }

  function clock() {
    var now = new Date();
    return String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0");
  }

  var submitting = false;

  function save(keepalive) {
    timer = null;
    if (submitting) { return Promise.resolve(); }  // the answer is being sent: it deletes the draft
    var payload = JSON.stringify({ body: body.value, to: to.value, cc: cc.value });
    if (payload === lastSaved) { dirty = false; return Promise.resolve(); }
    say("Entwurf wird gespeichert …");
    inFlight = true;
    saving = fetch(form.dataset.draftUrl, {
      method: "PUT",
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: payload
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      lastSaved = payload;
      dirty = false;
      form.dataset.draftSaved = "true";
      say("Entwurf gespeichert (" + clock() + ").");
    }).catch(function () {
      say("Entwurf konnte nicht gespeichert werden – bitte Verbindung prüfen.");
    }).then(function () { inFlight = false; });
    return saving;
  }

  function changed() {
    dirty = true;
    form.dataset.draftSaved = "false";
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, SAVE_DELAY_MS);
  }

  [body, to, cc].forEach(function (field) { field.addEventListener("input", changed); });
  window.addEventListener("pagehide", function () { if (dirty) { save(true); } });
  form.addEventListener("submit", function (event) {
    if (timer) { clearTimeout(timer); timer = null; }
    if (inFlight) {  // let a save on its way land first, so it cannot bring back the sent draft
      event.preventDefault();
      saving.then(function () { submitting = true; form.submit(); });
      return;
    }
    submitting = true;
  });

  // ---- text modules ---------------------------------------------------------------------
  var data = document.getElementById("text-modules-data");
  var modules = data ? JSON.parse(data.textContent || "[]") : [];
  var picker = document.getElementById("text-module-picker");
  var filter = document.getElementById("text-module-filter");
  var list = document.getElementById("text-module-list");
  var empty = document.getElementById("text-module-empty");
  var opener = document.getElementById("text-module-open");
  var caret = { start: 0, end: 0 };
  var shown = [];
  var active = 0;

  function render() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    shown = modules.filter(function (m) {
      var hay = (m.title + " " + m.text).toLowerCase();
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
    list.textContent = "";
    shown.forEach(function (m, index) {
      var item = document.createElement("li");
      item.id = "text-module-" + m.id;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", index === active ? "true" : "false");
      item.className = "text-module-option" + (index === active ? " active" : "");
      var title = document.createElement("strong");
      title.textContent = m.title;
      item.appendChild(title);
      if (m.suggested) {
        var badge = document.createElement("span");
        badge.className = "badge suggestion";
        badge.textContent = "passt zum Thema";
        item.appendChild(document.createTextNode(" "));
        item.appendChild(badge);
      }
      var preview = document.createElement("span");
      preview.className = "muted text-module-preview";
      preview.textContent = m.text.length > 140 ? m.text.slice(0, 140) + " …" : m.text;
      item.appendChild(preview);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); insert(index); });
      list.appendChild(item);
    });
    empty.hidden = shown.length > 0;
    if (shown.length) { filter.setAttribute("aria-activedescendant", "text-module-" + shown[active].id); }
    else { filter.removeAttribute("aria-activedescendant"); }
  }

  function open(start, end) {
    caret = { start: start, end: end };
    active = 0;
    filter.value = "";
    picker.hidden = false;
    render();
    filter.focus();
  }

  function close(refocus) {
    picker.hidden = true;
    if (refocus) { body.focus(); body.setSelectionRange(caret.start, caret.start); }
  }

  function insert(index) {
    var module = shown[index];
    if (!module) { return; }
    var before = body.value.slice(0, caret.start);
    var after = body.value.slice(caret.end);
    body.value = before + module.text + after;
    caret.start = caret.end = before.length + module.text.length;
    close(true);
    changed();
  }

  body.addEventListener("input", function (event) {
    var at = body.selectionStart;
    if (event.inputType && event.inputType.indexOf("insert") !== 0) { return; }
    if (at >= 2 && body.value.slice(at - 2, at) === "::") { open(at - 2, at); }
  });
  body.addEventListener("keydown", function (event) {
    if (event.ctrlKey && (event.key === " " || event.code === "Space")) {
      event.preventDefault();
      open(body.selectionStart, body.selectionEnd);
    }
  });
  if (opener) {
    opener.addEventListener("click", function () { open(body.selectionStart, body.selectionEnd); });
  }
  filter.addEventListener("input", function () { active = 0; render(); });
  filter.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { active = Math.min(shown.length - 1, active + 1); render(); }
    else if (event.key === "ArrowUp") { active = Math.max(0, active - 1); render(); }
    else if (event.key === "Enter") { insert(active); }
    else if (event.key === "Escape") { close(true); }
    else { return; }
    event.preventDefault();
    event.stopPropagation();
  });
  filter.addEventListener("blur", function () { setTimeout(function () { if (document.activeElement !== filter) { picker.hidden = true; } }, 150); });

  // ---- attachments ----------------------------------------------------------------------
  var files = document.getElementById("reply-attachments");
  var fileError = document.getElementById("attachment-error");
  var limit = parseInt(form.dataset.maxAttachmentBytes || "0", 10);

  function megabytes(size) { return (size / (1024 * 1024)).toFixed(1).replace(".", ",") + " MB"; }

  function checkFiles() {
    var total = 0;
    Array.prototype.forEach.call(files.files || [], function (file) { total += file.size; });
    if (limit && total > limit) {
      fileError.textContent = "Die Anhänge sind zusammen " + megabytes(total) + " groß; erlaubt sind höchstens " +
        megabytes(limit) + " je Antwort. Bitte weniger oder kleinere Dateien anhängen.";
      fileError.hidden = false;
      files.setCustomValidity(fileError.textContent);
      return false;
    }
    fileError.hidden = true;
    fileError.textContent = "";
    files.setCustomValidity("");
    return true;
  }

  if (files) { files.addEventListener("change", checkFiles); }
}());
