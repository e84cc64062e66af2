// Storyline timeline: the "new updates" notice. Plain JS, no inline script (see the CSP).
// Polls a small JSON endpoint; on click, fetches the new cards and puts them on top
// of the list without reloading the page, so the reader keeps their place.
(function () {
  "use strict";
  // Relative times ("5 minutes ago") are filled in here, so the cached cards never go stale.
  var lang = document.documentElement.lang || "en";
  var units = [["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60]];
  function relativeTimes(root) {
    if (!window.Intl || !Intl.RelativeTimeFormat) { return; }
    var format = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
    var nodes = (root || document).querySelectorAll("[data-relative]");
    Array.prototype.forEach.call(nodes, function (node) {
      var seconds = (Date.parse(node.getAttribute("data-relative")) - Date.now()) / 1000;
      if (isNaN(seconds)) { return; }
      for (var i = 0; i < units.length; i++) {
        if (Math.abs(seconds) >= units[i][1]) {
          node.textContent = format.format(Math.round(seconds / units[i][1]), units[i][0]);
          return;
        }
      }
      node.textContent = format.format(Math.round(seconds / 60), "minute");
    });
  }
  relativeTimes(document);
  window.setInterval(function () { relativeTimes(document); }, 60000);

  var notice = document.getElementById("live-notice");
  if (!notice || !window.fetch) { return; }
  var button = notice.querySelector(".live-button");
  var list = document.getElementById("timeline-list");
  var since = notice.dataset.since;
  var seconds = Math.max(parseInt(notice.dataset.pollSeconds, 10) || 45, 1);
  var busy = false;

  function label(count) {
    return count === 1 ? notice.dataset.labelOne : notice.dataset.labelMany.replace("__N__", String(count));
  }

  function poll() {
    if (document.hidden || busy) { return; }
    var url = notice.dataset.countUrl + "?since=" + encodeURIComponent(since);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || typeof data.count !== "number") { return; }
        if (data.count > 0) {
          button.textContent = label(data.count);
          button.hidden = false;
          notice.classList.add("has-news");
        }
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ });
  }

  function showNew() {
    if (notice.dataset.insert !== "1" || !list) {
      // Filtered, paged or oldest-first view: the new updates belong at the top of the full timeline.
      window.location.href = window.location.pathname;
      return;
    }
    busy = true;
    var url = notice.dataset.fragmentUrl + "?since=" + encodeURIComponent(since);
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.text(); })
      .then(function (html) {
        // Server-rendered, escaped markup; parsed inertly (scripts in parsed documents never run).
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fragment = doc.querySelector("ol.timeline-fragment");
        if (!fragment) { return; }
        since = fragment.dataset.now || since;
        var cards = Array.prototype.slice.call(fragment.children);
        var first = null;
        cards.reverse().forEach(function (card) {
          var old = document.getElementById(card.id);
          if (old) { old.remove(); }
          var node = document.importNode(card, true);
          node.classList.add("is-new");
          list.insertBefore(node, list.firstChild);
          first = node;
        });
        var empty = list.querySelector("li.empty");
        if (empty) { empty.remove(); }
        button.hidden = true;
        notice.classList.remove("has-news");
        relativeTimes(list);
        if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
      })
      .catch(function () { window.location.reload(); })
      .finally(function () { busy = false; });
  }

  button.addEventListener("click", showNew);
  window.setInterval(poll, seconds * 1000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { poll(); } });
})();
