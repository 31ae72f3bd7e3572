// The race-day entry screen without reloads: a pair's form is sent by fetch, the server answers with every pair as
// it now is (other editors' saves included), and each pair is replaced unless the editor is typing in it. The next
// field to type in is focused. Without this script the same forms post and the page reloads at the next pair.
(function () {
  "use strict";
  var pairs = document.getElementById("entry-pairs");
  if (!pairs || !window.fetch) return;

  function typing(form) {
    return Array.prototype.some.call(form.querySelectorAll("input[type=text]"), function (input) {
      return input.value !== input.defaultValue;
    });
  }

  function merge(html, sent) {
    var fresh = document.createElement("div");
    fresh.innerHTML = html;
    var state = fresh.querySelector("#entry-state");
    if (state) document.getElementById("entry-state").replaceWith(state);
    var official = fresh.querySelector("#entry-official");
    if (official) document.getElementById("entry-official").replaceWith(official);
    fresh.querySelectorAll("form.entry-pair").forEach(function (form) {
      var old = document.getElementById(form.id);
      if (!old) pairs.insertBefore(form, document.getElementById("entry-official"));
      else if (old === sent || !typing(old)) old.replaceWith(form);
    });
    var next = pairs.querySelector("[autofocus]");
    var active = document.activeElement;
    var elsewhere = active && active.form && active.form.id !== sent.id && pairs.contains(active);
    if (next && !elsewhere) {
      next.focus();
      if (next.select) next.select();
    }
  }

  pairs.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("entry-pair")) return;  // marking the race official reloads the page
    event.preventDefault();
    form.classList.add("sending");
    fetch(window.location.pathname, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Entry-Fetch": "1" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.text(); })
      .then(function (html) { merge(html, form); })
      .catch(function () {
        form.classList.remove("sending");
        form.submit();  // the plain post still works
      });
  });
})();
