"""The script and styles of the pages `cjm preview` serves (cjm.render.preview builds them).

The reload script polls `/version` every second and reloads when the map
changed, keeping where the reader was: the grid at the same place on the
screen (even when the text above it changed height) and scrolled as it was,
both ways.
"""

from __future__ import annotations

RELOAD_SCRIPT = """<script>/* cjm preview: reload when the map changes, and stay where the reader was */
(function () {
  var shown = "%s", key = "cjm-preview-scroll";
  if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
  function grid() { return document.querySelector(".grid-scroll"); }
  /* The grid is the anchor: it comes back to the same place on the screen, even when the text
     above it changed height; without a grid, the page's own offsets. */
  try {
    var saved = JSON.parse(sessionStorage.getItem(key) || "null");
    if (saved) {
      var box = grid();
      if (box && saved.top !== null) {
        box.scrollLeft = saved.gx;
        box.scrollTop = saved.gy;
        window.scrollTo(saved.x, box.getBoundingClientRect().top + window.scrollY - saved.top);
      } else {
        window.scrollTo(saved.x, saved.y);
      }
      sessionStorage.removeItem(key);
    }
  } catch (e) {}
  setInterval(function () {
    fetch("/version", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v === shown) { return; }
        var box = grid();
        try {
          sessionStorage.setItem(key, JSON.stringify({x: window.scrollX, y: window.scrollY,
            top: box ? box.getBoundingClientRect().top : null,
            gx: box ? box.scrollLeft : 0, gy: box ? box.scrollTop : 0}));
        } catch (e) {}
        location.reload();
      })
      .catch(function () {});
  }, 1000);
})();
</script>
"""
BANNER_STYLE = """
.cjm-preview-banner { position: fixed; z-index: 1000; top: 0; left: 0; right: 0; max-height: 45vh;
  overflow: auto; background: #FFF5F5; border-bottom: 3px solid #a40000;
  box-shadow: 0 4px 16px rgba(0,0,0,.18);
  padding: 12px 24px; font: 14px/1.45 system-ui, sans-serif; color: #222; }
.cjm-preview-banner h1 { font-size: 16px; margin: 0 0 6px; color: #a40000; }
.cjm-preview-banner ol { margin: 0; padding-left: 1.4em; }
.cjm-preview-banner li { margin-bottom: .6rem; }
.cjm-preview-banner .where { font-family: monospace; font-weight: bold; }
.cjm-preview-banner pre { background: #fff; padding: .4rem; overflow-x: auto; margin: 4px 0;
  font-size: 13px; }
.cjm-preview-banner .hint { color: #05557a; font-size: 14px; margin: 0; }
.cjm-preview-banner .hint::before { content: none; }
"""

DIAGNOSTICS_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; color: #222; }
h1 { font-size: 1.3rem; color: #a40000; }
li { margin-bottom: 1.2rem; }
.where { font-family: monospace; font-weight: bold; }
.rule { font-family: monospace; color: #555; }
pre { background: #f4f4f4; padding: .5rem; overflow-x: auto; }
.hint { color: #05557a; }
"""
