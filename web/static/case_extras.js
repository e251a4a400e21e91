// "Ähnliche Fälle" on the case page: a button (or the key 1–5 outside a text field) takes that
// case's answer into the reply textarea. No inline scripts: the CSP forbids them.
(function () {
  "use strict";

  function typing(event) {
    var el = event.target;
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function useAnswer(id) {
    var source = document.getElementById(id);
    var reply = document.getElementById("reply-body");
    if (!source || !reply) { return; }
    var text = source.textContent.trim();
    reply.value = reply.value.trim() ? reply.value.replace(/\s+$/, "") + "\n\n" + text : text;
    reply.dispatchEvent(new Event("input", { bubbles: true }));  // a draft saver may listen
    reply.scrollIntoView({ block: "center" });
    reply.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.use-answer") : null;
    if (button) { useAnswer(button.dataset.answer); event.preventDefault(); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) { return; }
    if (/^[1-5]$/.test(event.key)) {
      var id = "similar-answer-" + event.key;
      if (document.getElementById(id)) { useAnswer(id); event.preventDefault(); }
    }
  });
}());
