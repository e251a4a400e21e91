// Eingang chat widget: plain JavaScript, no build step.
// Messages are rendered with textContent only (never as HTML). Unsent messages live in an
// outbox in localStorage and are resent after a reconnect; the server stores each message
// once per id, so a resend is harmless.
(function () {
  "use strict";
  var root = document.getElementById("chat");
  if (!root) return;
  var API = root.dataset.api;
  var WS_PATH = root.dataset.ws;
  var MAX_CHARS = parseInt(root.dataset.maxChars || "4000", 10);
  var KEY = "eingang.chat.";
  var $ = function (id) { return document.getElementById(id); };
  var statusEl = $("chat-status"), errorEl = $("chat-error"), logEl = $("chat-log");
  var startForm = $("chat-start"), conversation = $("chat-conversation"), composeForm = $("chat-compose");
  var textEl = $("chat-text"), authorityEl = $("chat-authority"), optionsEl = $("chat-authority-options");

  var state = {
    chat: load("session", null),        // {token, name, email, authority}
    outbox: load("outbox", []),        // [{id, text}] not yet acknowledged by the server
    after: 0,                          // highest line id shown (0 after a reload: show the history again)
    seen: {},
    socket: null, ready: false, mode: "ws", wsFailures: 0, retryDelay: 1000, pollAbort: null, reconnectTimer: null,
  };
  var authorityKeys = {};  // label -> key, from the last search

  function load(name, fallback) {
    try { var v = localStorage.getItem(KEY + name); return v === null ? fallback : JSON.parse(v); }
    catch (e) { return fallback; }
  }
  function save(name, value) {
    try { localStorage.setItem(KEY + name, JSON.stringify(value)); } catch (e) { /* private mode: memory only */ }
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
  }

  function setStatus(text, offline) {
    statusEl.textContent = text;
    statusEl.classList.toggle("offline", !!offline);
  }
  function showError(text) {
    errorEl.textContent = text;
    errorEl.hidden = !text;
  }

  // ------------------------------------------------------------------ rendering (text only)
  var WHO = { visitor: "Sie", assistant: "Eingang-Assistent", consultant: "Beratung" };
  function timeOf(iso) {
    var d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" });
  }
  function renderItem(li, role, author, text, at, stateText) {
    li.className = role;
    li.textContent = "";
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = (role === "consultant" && author ? author + " (Beratung)" : WHO[role] || role) + " · " + timeOf(at);
    var p = document.createElement("p");
    p.className = "text";
    p.textContent = text;
    li.appendChild(who); li.appendChild(p);
    if (stateText) {
      var s = document.createElement("span"); s.className = "state"; s.textContent = stateText; li.appendChild(s);
    }
  }
  function renderPending(item, stateText) {
    var li = document.getElementById("pending-" + item.id);
    if (!li) { li = document.createElement("li"); li.id = "pending-" + item.id; logEl.appendChild(li); }
    renderItem(li, "visitor", null, item.text, null, stateText || "wird gesendet …");
    li.classList.add("pending");
    if (stateText && stateText.indexOf("nicht") >= 0) li.classList.add("failed");
    scrollDown();
  }
  function renderLine(line) {
    if (state.seen[line.id]) return;
    state.seen[line.id] = true;
    var li = line.client_id ? document.getElementById("pending-" + line.client_id) : null;
    if (!li) { li = document.createElement("li"); logEl.appendChild(li); }
    li.id = "line-" + line.id;
    renderItem(li, line.role, line.author, line.text, line.at, null);
    if (line.client_id) dropFromOutbox(line.client_id);
    if (line.reference) $("chat-reference").textContent = "· Aktenzeichen " + line.reference;
    if (line.id > state.after) state.after = line.id;
    scrollDown();
  }
  function scrollDown() { logEl.scrollTop = logEl.scrollHeight; }

  function dropFromOutbox(id) {
    state.outbox = state.outbox.filter(function (m) { return m.id !== id; });
    save("outbox", state.outbox);
  }

  // ------------------------------------------------------------------ transport: WebSocket first
  function connect() {
    clearTimeout(state.reconnectTimer);
    if (!state.chat) return;
    if (state.mode === "http") { startPolling(); return; }
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + WS_PATH;
    var opened = false, socket;
    try { socket = new WebSocket(url); } catch (e) { fallBackToHttp(); return; }
    state.socket = socket;
    setStatus("Verbindung wird aufgebaut …");
    socket.onopen = function () {
      opened = true;
      socket.send(JSON.stringify({ type: "hello", token: state.chat.token, after: state.after }));
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === "ready") {
        state.ready = true; state.wsFailures = 0; state.retryDelay = 1000;
        setStatus("Verbunden."); showError("");
        flushOutbox();
      } else if (frame.type === "line") {
        renderLine(frame.line);
      } else if (frame.type === "ack") {
        var li = document.getElementById("pending-" + frame.id);
        if (li) { var s = li.querySelector(".state"); if (s) s.textContent = "gesendet"; }
      } else if (frame.type === "error") {
        handleError(frame);
      }
    };
    socket.onclose = function (event) {
      state.ready = false; state.socket = null;
      if (event.code === 4404) { sessionGone(); return; }
      offline();
      if (opened) { scheduleReconnect(); return; }
      // Never opened: is the server down, or is only the WebSocket blocked (proxy)? Ask over HTTP.
      fetch(API + "/lines?after=" + state.after, { headers: { "X-Chat-Token": state.chat.token } })
        .then(function (response) {
          if (response.ok && ++state.wsFailures >= 2) fallBackToHttp();
          else scheduleReconnect();
        })
        .catch(scheduleReconnect);
    };
  }
  function scheduleReconnect() {
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = setTimeout(connect, state.retryDelay);
    state.retryDelay = Math.min(state.retryDelay * 2, 15000);
  }
  function offline() {
    var pending = state.outbox.length;
    setStatus("Keine Verbindung zum Server. Wir versuchen es weiter" +
      (pending ? " – " + pending + " Nachricht(en) werden gesendet, sobald die Verbindung wieder steht." : "."), true);
  }
  function fallBackToHttp() {
    state.mode = "http";
    startPolling();
  }

  function flushOutbox() {
    state.outbox.forEach(function (item) { transmit(item); });
  }
  function transmit(item) {
    if (state.mode === "ws") {
      if (state.ready && state.socket) state.socket.send(JSON.stringify({ type: "message", id: item.id, text: item.text }));
      return;
    }
    fetch(API + "/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Chat-Token": state.chat.token },
      body: JSON.stringify({ id: item.id, text: item.text }),
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
    }).then(function (result) {
      if (result.ok) { setStatus("Verbunden."); showError(""); result.body.lines.forEach(renderLine); }
      else handleError({ code: result.body.error, message: result.body.message, id: item.id,
                         retry_after: parseInt(result.body.retry_after || "5", 10) });
    }).catch(function () { offline(); setTimeout(function () { transmit(item); }, 3000); });
  }
  function handleError(frame) {
    if (frame.code === "session_unknown") { sessionGone(); return; }
    showError(frame.message || "Es ist ein Fehler aufgetreten.");
    if (!frame.id) return;
    var item = state.outbox.filter(function (m) { return m.id === frame.id; })[0];
    if (!item) return;
    if (frame.code === "rate_limited") {
      renderPending(item, "wartet – wird automatisch erneut gesendet");
      setTimeout(function () { transmit(item); }, Math.max(1, frame.retry_after || 5) * 1000);
    } else {  // the server will never take this message as it is: keep the text for the visitor
      dropFromOutbox(item.id);
      renderPending(item, "nicht gesendet: " + (frame.message || ""));
      if (!textEl.value) textEl.value = item.text;
    }
  }
  function sessionGone() {
    showError("Dieser Chat ist nicht mehr gültig. Bitte beginnen Sie einen neuen Chat.");
    resetChat(false);
  }

  // ------------------------------------------------------------------ transport: HTTP long polling
  function startPolling() {
    if (state.pollAbort) return;
    state.pollAbort = true;
    setStatus("Verbunden (ohne WebSocket).");
    flushOutbox();
    (function poll() {
      if (!state.chat || !state.pollAbort) { state.pollAbort = null; return; }
      fetch(API + "/lines?after=" + state.after + "&wait=20", { headers: { "X-Chat-Token": state.chat.token } })
        .then(function (response) {
          if (response.status === 404) { state.pollAbort = null; sessionGone(); return null; }
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (body) {
          if (!body) return;
          setStatus("Verbunden (ohne WebSocket)."); showError("");
          body.lines.forEach(renderLine);
          if (state.outbox.length) flushOutbox();
          setTimeout(poll, 200);
        })
        .catch(function () { offline(); setTimeout(poll, 3000); });
    })();
  }

  // ------------------------------------------------------------------ forms
  var searchTimer = null;
  authorityEl.addEventListener("input", function () {
    clearTimeout(searchTimer);
    var q = authorityEl.value.trim();
    if (q.length < 2 || authorityKeys[authorityEl.value]) return;
    searchTimer = setTimeout(function () {
      fetch(API + "/authorities?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (body) {
        optionsEl.textContent = "";
        (body.authorities || []).forEach(function (a) {
          authorityKeys[a.label] = a.key;
          var option = document.createElement("option");
          option.value = a.label;
          optionsEl.appendChild(option);
        });
      }).catch(function () { setStatus("Die Suche nach Kommunen ist gerade nicht erreichbar.", true); });
    }, 150);
  });

  startForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var name = $("chat-name").value.trim(), email = $("chat-email").value.trim();
    var key = authorityKeys[authorityEl.value];
    var problems = [], first = null;
    function check(ok, field, message) {
      field.setAttribute("aria-invalid", ok ? "false" : "true");
      if (!ok) { problems.push(message); first = first || field; }
    }
    check(!!name, $("chat-name"), "Bitte geben Sie Ihren Namen an.");
    check(/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email), $("chat-email"), "Bitte geben Sie eine gültige E-Mail-Adresse an.");
    check(!!key, authorityEl, "Bitte wählen Sie Ihre Kommune aus der Liste.");
    if (problems.length) { showError(problems.join(" ")); first.focus(); return; }
    showError("");
    fetch(API + "/sessions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: name, email: email, authority_key: key }),
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) { showError(result.body.message || "Der Chat konnte nicht gestartet werden."); return; }
      state.chat = { token: result.body.token, name: result.body.name, email: result.body.email, authority: result.body.authority };
      save("session", state.chat);
      state.after = 0;
      showConversation();
      connect();
    }).catch(function () {
      showError("Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.");
    });
  });

  composeForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = textEl.value.trim();
    if (!text) { showError("Bitte schreiben Sie eine Nachricht."); return; }
    if (text.length > MAX_CHARS) { showError("Die Nachricht ist zu lang (höchstens " + MAX_CHARS + " Zeichen)."); return; }
    showError("");
    var item = { id: newId(), text: text };
    state.outbox.push(item);
    save("outbox", state.outbox);  // saved before sending: nothing typed is lost
    textEl.value = "";
    var connected = state.ready || state.mode === "http";
    renderPending(item, connected ? null : "wird gesendet, sobald die Verbindung steht");
    if (!connected) offline();
    transmit(item);
  });
  textEl.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); composeForm.requestSubmit(); }
  });
  $("chat-restart").addEventListener("click", function () { resetChat(true); });

  function resetChat(clearError) {
    if (state.socket) { state.socket.onclose = null; state.socket.close(); }
    state.chat = null; state.outbox = []; state.after = 0; state.seen = {}; state.ready = false; state.pollAbort = null;
    ["session", "outbox"].forEach(function (n) { try { localStorage.removeItem(KEY + n); } catch (e) {} });
    logEl.textContent = "";
    $("chat-reference").textContent = "";
    conversation.hidden = true;
    startForm.hidden = false;
    if (clearError) showError("");
    setStatus("");
  }
  function showConversation() {
    startForm.hidden = true;
    conversation.hidden = false;
    state.outbox.forEach(function (item) { renderPending(item); });
    textEl.focus();
  }

  window.addEventListener("online", function () { if (!state.ready) connect(); });
  if (state.chat) { showConversation(); connect(); }
})();
