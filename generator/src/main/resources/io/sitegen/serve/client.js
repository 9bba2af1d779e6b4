// sitegen preview: reloads the page after each rebuild and shows build errors over it.
(function () {
  "use strict";
  var OVERLAY = "sitegen-overlay";
  var build = document.currentScript ? document.currentScript.getAttribute("data-build") : null;

  function hideOverlay() {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
  }

  function showOverlay(problems) {
    hideOverlay();
    var box = document.createElement("div");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
      "background:rgba(20,22,26,.94);color:#f3f3f3;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace";
    var title = document.createElement("h2");
    title.textContent = "Build failed: the page shows the last good build";
    title.style.cssText = "margin:0 0 1rem;color:#ff8a80;font:600 18px/1.3 system-ui,sans-serif";
    box.appendChild(title);
    problems.forEach(function (p) {
      var line = document.createElement("pre");
      line.className = "sitegen-problem";
      line.style.cssText = "white-space:pre-wrap;margin:0 0 .6rem";
      line.textContent = p;
      box.appendChild(line);
    });
    document.body.appendChild(box);
  }

  function swapStylesheets() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    links.forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("sitegen", Date.now());
      link.href = url.toString();
    });
  }

  fetch("/_sitegen/status").then(function (r) { return r.json(); }).then(function (s) {
    if (s.errors.length) showOverlay(s.errors);
  });

  var source = new EventSource("/_sitegen/events" + (build ? "?since=" + build : ""));
  source.addEventListener("reload", function (e) {
    var data = JSON.parse(e.data || "{}");
    if (data.cssOnly && !document.getElementById(OVERLAY)) swapStylesheets();
    else location.reload();
  });
  source.addEventListener("build-error", function (e) {
    showOverlay(JSON.parse(e.data).errors);
  });
})();
