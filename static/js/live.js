// The live part of a provisional race page: fetched again every two seconds (an ETag makes an unchanged race a
// bodyless 304), replaced when the race changed, stopped once the race is official. Without this script the page
// still works: a reload shows the same.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !live.dataset.live || !window.fetch) return;
  var url = live.dataset.live + window.location.search;
  var etag = null;
  var status = document.getElementById("live-status");

  function poll() {
    if (document.hidden) return schedule();
    var headers = etag ? { "If-None-Match": etag } : {};
    fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) throw new Error(response.status);
        etag = response.headers.get("ETag");
        return response.text();
      })
      .then(function (html) {
        if (html !== null && html !== undefined) {
          live.innerHTML = html;
          if (status) status.textContent = status.dataset.updated + " " + new Date().toLocaleTimeString();
        }
        if (live.querySelector(".provisional")) schedule();
      })
      .catch(function () { schedule(5000); });
  }

  function schedule(delay) {
    window.setTimeout(poll, delay || 2000);
  }

  schedule();
})();
