// Live chat panel on the consultation page: shows the chat as it happens (polling the chat
// API every 2 s) and sends a consultant's answer. Text only, never HTML.
(function () {
  "use strict";
  var panel = document.getElementById("chat-live");
  if (!panel) return;
  var API = panel.dataset.api, CSRF = panel.dataset.csrf;
  var logEl = document.getElementById("chat-live-log");
  var presenceEl = document.getElementById("chat-live-presence");
  var errorEl = document.getElementById("chat-live-error");
  var form = document.getElementById("chat-live-form");
  var textEl = document.getElementById("chat-live-text");
  var after = 0, seen = {};
  var WHO = { visitor: "Kommune", assistant: "Eingang-Assistent", consultant: "Beratung" };
  var DELIVERY = { pending: "wartet auf Abruf", delivered: "im Chat zugestellt", emailed: "per E-Mail gesendet",
                   failed: "nicht zugestellt" };

  function showError(text) { errorEl.textContent = text; errorEl.hidden = !text; }
  function render(line) {
    var li = seen[line.id];
    if (!li) { li = document.createElement("li"); logEl.appendChild(li); seen[line.id] = li; }
    li.className = line.role;
    li.textContent = "";
    var who = document.createElement("span");
    who.className = "who";
    var time = new Date(line.at).toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" });
    var name = line.role === "consultant" && line.author ? line.author : WHO[line.role] || line.role;
    who.textContent = name + " · " + time + (line.role === "consultant" ? " · " + (DELIVERY[line.delivery] || line.delivery) : "");
    var p = document.createElement("p");
    p.className = "text";
    p.textContent = line.text;
    li.appendChild(who); li.appendChild(p);
    if (line.id > after) after = line.id;
    logEl.scrollTop = logEl.scrollHeight;
  }
  function refresh() {
    // Re-read from the start so that delivery states (zugestellt / per E-Mail) stay current.
    return fetch(API + "?after=0", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (body) {
        body.lines.forEach(render);
        presenceEl.textContent = body.present
          ? "Die Kommune ist gerade im Chat – Ihre Antwort erscheint sofort."
          : "Die Kommune hat den Chat verlassen – Antworten gehen per E-Mail an " + body.visitor.email + ".";
        presenceEl.className = "chat-live-presence " + (body.present ? "present" : "absent");
        showError("");
      })
      .catch(function () { showError("Der Chat ist gerade nicht erreichbar; neuer Versuch in Kürze."); });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = textEl.value.trim();
    if (!text) { showError("Bitte schreiben Sie eine Antwort."); return; }
    fetch(API + "/answers", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": CSRF },
      body: JSON.stringify({ text: text }),
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) { showError(result.body.message || result.body.detail || "Senden fehlgeschlagen."); return; }
      textEl.value = "";
      render(result.body.line);
      showError("");
    }).catch(function () { showError("Senden fehlgeschlagen: Server nicht erreichbar. Ihr Text bleibt im Feld."); });
  });
  refresh();
  setInterval(refresh, 2000);
})();
