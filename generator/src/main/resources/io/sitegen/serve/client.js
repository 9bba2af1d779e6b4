// sitegen preview: reloads the page after each rebuild and shows build errors over it.
(function () {
  "use strict";
  var OVERLAY = "sitegen-overlay";
  var build = document.currentScript ? document.currentScript.getAttribute("data-build") : null;

  // The overlay lives in a shadow root, so the site's style sheets cannot reach it: no rule of the
  // page matches inside, and `all: initial` stops the page's inherited font and colour at the host.
  // The host's own rules are !important because the page's rules for the host itself would win
  // otherwise (a page's `* { display: none !important }` still cannot hide it). Every element used
  // gets its colours, font and background here, none is left to the browser's defaults.
  var STYLE = [
    ":host{all:initial!important;display:block!important;position:fixed!important;inset:0!important;",
    "z-index:2147483647!important;visibility:visible!important;opacity:1!important;transform:none!important}",
    "*{box-sizing:border-box;margin:0;padding:0;border:0;background:transparent;color:inherit;font:inherit}",
    ".panel{height:100%;overflow:auto;overscroll-behavior:contain;padding:24px clamp(12px,4vw,40px);",
    "background:#16181d;color:#eceff1;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;",
    "text-align:left;direction:ltr}",
    "h2{margin:0 0 6px;color:#ff9e97;font-weight:650;font-size:19px;line-height:1.3}",
    "p.hint{margin:0 0 20px;color:#c5cad1;font-size:14px}",
    "section{margin:0 0 22px;max-width:1152px}",
    "pre.message{margin:0 0 8px;color:#f5f6f7;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;",
    "white-space:pre-wrap;overflow-wrap:anywhere}",
    // source lines do not wrap, as in an editor: the block scrolls sideways instead
    "pre.source{display:block;overflow-x:auto;padding:8px 0;border:1px solid #343a43;border-radius:6px;",
    "background:#0e1013;color:#dde1e6;font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;",
    "white-space:pre;tab-size:4}",
    "code{display:block;min-width:100%;width:max-content;background:transparent;color:inherit;font:inherit}",
    "span.row{display:block;padding:0 14px 0 0;border-left:3px solid transparent}",
    "span.row.hit{background:#4b1d22;color:#ffffff;border-left-color:#ff9e97}",
    "span.num{display:inline-block;padding:0 12px 0 8px;text-align:right;color:#9aa3ad;user-select:none}",
    "span.row.hit span.num{color:#ffd0cc;font-weight:700}",
    "button.close{float:right;margin:0 0 8px 12px;padding:4px 12px;border:1px solid #5b6470;border-radius:6px;",
    "background:#2a2f37;color:#eceff1;font:600 14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;cursor:pointer}",
    "button.close:focus-visible{outline:2px solid #ff9e97;outline-offset:2px}"
  ].join("");

  function hideOverlay() {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
    document.removeEventListener("keydown", onKey);
  }

  function onKey(e) {
    if (e.key === "Escape") hideOverlay();
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  /** The lines around the error, numbered, its own line marked; text only, never markup. */
  function sourceBlock(problem) {
    var pre = element("pre", "source");
    pre.setAttribute("aria-label", problem.file + ", lines around line " + problem.line);
    var code = element("code");
    var last = problem.context[problem.context.length - 1].line;
    var width = String(last).length + 2 + "ch";
    problem.context.forEach(function (l) {
      var hit = l.line === problem.line;
      var row = element("span", hit ? "row hit" : "row");
      var num = element("span", "num", String(l.line));
      num.style.width = width;
      row.appendChild(num);
      row.appendChild(document.createTextNode(l.text));
      if (hit) row.setAttribute("aria-current", "true");
      code.appendChild(row);
    });
    pre.appendChild(code);
    return pre;
  }

  function showOverlay(problems) {
    hideOverlay();
    if (!problems.length) return;
    var host = document.createElement(OVERLAY);
    host.id = OVERLAY;
    var root = host.attachShadow({ mode: "open" });
    var style = element("style");
    style.textContent = STYLE;
    root.appendChild(style);
    var panel = element("div", "panel");
    panel.setAttribute("role", "alert");
    // hidden, it shows the last good page beneath; the next build's errors bring it back
    var close = element("button", "close", "Hide");
    close.type = "button";
    close.setAttribute("aria-label", "Hide the build errors (Escape)");
    close.addEventListener("click", hideOverlay);
    panel.appendChild(close);
    document.addEventListener("keydown", onKey);
    panel.appendChild(element("h2", null, "Build failed: the page shows the last good build"));
    panel.appendChild(element("p", "hint", "Fix the file and save it: the page reloads by itself."));
    problems.forEach(function (p) {
      var section = element("section", "problem");
      section.appendChild(element("pre", "message", p.message));
      if (p.context && p.context.length) section.appendChild(sourceBlock(p));
      panel.appendChild(section);
    });
    root.appendChild(panel);
    // on the root element, not the body: a body with a transform or filter would hold a fixed box
    document.documentElement.appendChild(host);
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
