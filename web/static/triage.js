// Keyboard triage (no inline scripts: the CSP forbids them).
//   Inbox: j/k select the next/previous row, Enter opens it, / focuses the search.
//   Consultation: j/k next/previous consultation, c confirm suggestions, a assign to me,
//   r reply, n note, u back to the inbox. ? shows the list of shortcuts.
(function () {
  "use strict";

  function typing(event) {
    var el = event.target;
    if (el && el.type === "checkbox") { return false; }  // a marked row's box: keys still work
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.triage-row")); }

  function select(index) {
    var all = rows();
    if (!all.length) { return; }
    index = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (row) { row.classList.remove("selected"); });
    var row = all[index];
    row.classList.add("selected");  // visual only; the focused link is what screen readers announce
    var link = row.querySelector("a.case-link");
    if (link) { link.focus(); }
  }

  function selectedIndex() {
    var all = rows();
    var active = document.activeElement && document.activeElement.closest ? document.activeElement.closest("tr.triage-row") : null;
    var index = all.indexOf(active);
    if (index >= 0) { return index; }
    return all.findIndex(function (row) { return row.classList.contains("selected"); });
  }

  function submit(id) {
    var form = document.getElementById(id);
    if (form) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
  }

  function focusField(id) {
    var field = document.getElementById(id);
    if (field) { field.scrollIntoView({ block: "center" }); field.focus(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) { return; }
    var head = document.querySelector(".case-head");
    var key = event.key;
    if (key === "?") {
      var dialog = document.getElementById("tastenkuerzel");
      if (dialog && dialog.showModal) { dialog.showModal(); event.preventDefault(); }
      return;
    }
    if (key === "/") { focusField("q"); event.preventDefault(); return; }
    if (head) {
      if (key === "j" && head.dataset.next) { window.location.href = head.dataset.next; }
      else if (key === "k" && head.dataset.previous) { window.location.href = head.dataset.previous; }
      else if (key === "c") { submit("confirm-form"); }
      else if (key === "a") { submit("assign-me-form"); }
      else if (key === "r") { focusField("reply-body"); }
      else if (key === "n") { focusField("note-text"); }
      else if (key === "u") { window.location.href = "/eingang"; }
      else { return; }
      event.preventDefault();
      return;
    }
    if (rows().length) {
      var current = selectedIndex();
      if (key === "j") { select(current + 1); }
      else if (key === "k") { select(current < 0 ? 0 : current - 1); }
      else { return; }
      event.preventDefault();
    }
  });
}());
