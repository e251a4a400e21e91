// Presence on the case page: a heartbeat every few seconds (POST with the CSRF token) tells the
// server this consultant has the case open and answers who else has; shown as
// "Anna bearbeitet diesen Fall gerade". Leaving the page says goodbye (DELETE, keepalive).
(function () {
  "use strict";
  var box = document.getElementById("presence");
  if (!box || !window.fetch) { return; }
  var url = box.dataset.url;
  var headers = { "X-CSRF-Token": box.dataset.csrf, "Accept": "application/json" };
  var interval = Math.max(1, parseFloat(box.dataset.interval) || 15) * 1000;
  var timer = null;

  function show(answer) {
    box.textContent = answer && answer.text ? answer.text : "";
    box.hidden = !box.textContent;
  }

  function beat() {
    fetch(url, { method: "POST", headers: headers, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(show)
      .catch(function () { /* offline: try again at the next beat */ });
  }

  function start() {
    if (timer === null) { beat(); timer = window.setInterval(beat, interval); }
  }

  function stop() {
    if (timer !== null) { window.clearInterval(timer); timer = null; }
  }

  window.addEventListener("pageshow", start);  // back from the page cache
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { start(); }
  });
  window.addEventListener("pagehide", function () {
    stop();
    fetch(url, { method: "DELETE", headers: headers, credentials: "same-origin", keepalive: true })
      .catch(function () { /* the entry expires by itself */ });
  });
  start();
}());
