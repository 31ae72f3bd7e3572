// The race-day entry screen without reloads: a pair's form is sent by fetch, the server answers with every pair as
// it now is (other editors' saves included), and each pair is replaced unless the editor is typing in it. The next
// field to type in is focused. Every two seconds the pairs are fetched again, so another editor's saves appear.
// Typing not confirmed by the server is kept in the session storage (a reload or the back button keeps it), and a
// save that failed (logged out, stale token, server error, no network) says so beside its pair, typing kept.
// Without this script the same forms post and the page reloads at the next pair.
(function () {
  "use strict";
  var pairs = document.getElementById("entry-pairs");
  if (!pairs || !window.fetch) return;
  var key = "entry:" + window.location.pathname;
  var sending = null;

  function stored() {
    try { return JSON.parse(window.sessionStorage.getItem(key) || "{}"); } catch (e) { return {}; }
  }
  function store(values) {
    try { window.sessionStorage.setItem(key, JSON.stringify(values)); } catch (e) { /* storage full or off */ }
  }
  function fields(form) { return form.querySelectorAll("input[type=text]"); }
  function typing(form) {
    if (form.querySelector(".has-error, .has-doubt")) return true;
    var kept = stored();
    return Array.prototype.some.call(fields(form), function (input) {
      return input.value !== input.defaultValue || kept[input.id] !== undefined;
    });
  }
  function restore() {
    var kept = stored();
    Object.keys(kept).forEach(function (id) {
      var input = document.getElementById(id);
      if (!input || kept[id] === input.defaultValue) delete kept[id];
      else input.value = kept[id];
    });
    store(kept);
  }
  function forget(form) {
    var kept = stored();
    Array.prototype.forEach.call(fields(form), function (input) { delete kept[input.id]; });
    store(kept);
  }
  function say(form, text) {
    var note = form.querySelector(".entry-note");
    form.classList.remove("sending");
    form.classList.add("not-saved");
    if (note) {
      note.textContent = text;
      note.scrollIntoView({ block: "nearest" });
    }
  }

  function merge(html, sent) {
    var activeId = document.activeElement && document.activeElement.id;
    var fresh = document.createElement("div");
    fresh.innerHTML = html;
    var state = fresh.querySelector("#entry-state");
    if (state) document.getElementById("entry-state").replaceWith(state);
    var official = fresh.querySelector("#entry-official");
    if (official) document.getElementById("entry-official").replaceWith(official);
    fresh.querySelectorAll("form.entry-pair").forEach(function (form) {
      var old = document.getElementById(form.id);
      if (!old) pairs.insertBefore(form, document.getElementById("entry-official"));
      else if (old === sent || (old !== sending && !typing(old))) {
        var said = old.querySelector(".entry-note");
        var saying = form.querySelector(".entry-note");
        if (!sent && said && saying && !saying.textContent) {  // a poll keeps what the last save said
          saying.textContent = said.textContent;
          if (old.classList.contains("saved")) form.classList.add("saved");
        }
        old.replaceWith(form);
      }
      else {  // kept as typed; its token follows the session's (a log-in again renews it)
        var token = form.querySelector("[name=csrfmiddlewaretoken]");
        var mine = old.querySelector("[name=csrfmiddlewaretoken]");
        if (token && mine) mine.value = token.value;
      }
    });
    if (!sent) {  // a poll: the field being worked in keeps the cursor
      var before = activeId && document.getElementById(activeId);
      if (before && document.activeElement !== before) before.focus({ preventScroll: true });
      return;
    }
    var saved = document.getElementById(sent.id);
    if (saved && !saved.querySelector(".has-error, .has-doubt")) forget(saved);
    var next = pairs.querySelector("[autofocus]");
    var active = document.activeElement;
    var elsewhere = active && active.form && active.form.id !== sent.id && pairs.contains(active);
    if (next && !elsewhere) {
      next.focus({ preventScroll: true });
      if (next.select) next.select();
    }
    if (next && !elsewhere && (!saved || saved.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING)) {
      next.scrollIntoView({ block: "nearest" });  // the next pair below: in view with the saved one's note
    }
    if (saved) saved.scrollIntoView({ block: "nearest" });  // what the save said stays in view
  }

  function failure(response) {
    var messages = pairs.dataset;
    if (response.headers.get("X-Entry-Fetch")) return null;
    if (response.redirected || response.url.indexOf("/login/") !== -1) return messages.loggedOut;
    if (response.status === 403) return messages.forbidden;
    return messages.serverFailed.replace("%s", response.status);
  }

  pairs.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.form || !input.form.classList.contains("entry-pair")) return;
    var kept = stored();
    if (input.value === input.defaultValue) delete kept[input.id];
    else kept[input.id] = input.value;
    store(kept);
  });

  pairs.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("entry-pair")) return;  // marking the race official reloads the page
    event.preventDefault();
    form.classList.add("sending");
    form.classList.remove("not-saved");
    sending = form;
    fetch(window.location.pathname, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Entry-Fetch": "1" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.text().then(function (html) {
          var problem = failure(response);
          if (problem) say(form, problem);
          else merge(html, form);
        });
      })
      .catch(function () { say(form, pairs.dataset.offline); })
      .then(function () { sending = null; });
  });

  function goTo(number) {
    var form = document.getElementById("pair-" + String(number).trim());
    var input = form && form.querySelector("input[type=text]");
    if (input) {
      input.focus();
      input.select();
    }
    return Boolean(input);
  }
  var jump = document.getElementById("entry-jump");
  if (jump) {
    jump.addEventListener("submit", function (event) {
      if (goTo(jump.elements.pair.value)) event.preventDefault();
    });
  }
  document.addEventListener("keydown", function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    var letter = (event.key || "").toLowerCase();
    if (letter === "g" && jump) {
      event.preventDefault();
      jump.elements.pair.focus();
      jump.elements.pair.select();
    } else if (letter === "n") {
      event.preventDefault();
      var empty = Array.prototype.find.call(pairs.querySelectorAll("form.entry-pair input[type=text]"), function (input) {
        return input.value === "";
      });
      if (empty) empty.focus();
    }
  });

  function poll() {
    if (document.hidden || sending) return;
    fetch(window.location.pathname, { headers: { "X-Entry-Fetch": "1" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.headers.get("X-Entry-Fetch")) return null;
        return response.text();
      })
      .then(function (html) { if (html && !sending) merge(html, null); })
      .catch(function () { /* the next poll tries again */ });
  }

  restore();
  window.setInterval(poll, 2000);
})();
