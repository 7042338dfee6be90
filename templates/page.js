/* cjm journey map: the whole journey at a glance (fit toggle, phase strip, "more to the right"),
   one phase at a time on a phone, and the size of a poster. The page reads without it. */
(function () {
  var scroller = document.querySelector(".grid-scroll");
  var grid = document.querySelector(".grid");
  var frame = document.querySelector(".grid-frame");
  var journey = document.querySelector(".journey");
  if (!scroller || !grid) { return; }
  var phases = [].slice.call(grid.querySelectorAll("th.phase"));
  var links = [].slice.call(document.querySelectorAll(".minimap-phase"));
  var windowMark = document.querySelector(".minimap-window");
  var toggle = document.querySelector(".fit-toggle");
  var laneWidth = function () { var label = grid.querySelector(".corner"); return label ? label.offsetWidth : 0; };
  var leftOf = function (cell) {  /* a cell's left edge in the scroller's content */
    return cell.getBoundingClientRect().left - scroller.getBoundingClientRect().left + scroller.scrollLeft;
  };

  function update() {
    var fitted = journey.classList.contains("fit");
    var left = scroller.scrollLeft, width = scroller.clientWidth;
    var right = left + width;
    var hidden = phases.filter(function (th) { return !fitted && leftOf(th) + 24 > right; }).length;
    frame.setAttribute("data-more", String(hidden));
    var cue = frame.querySelector(".scroll-cue-text");
    if (cue) { cue.textContent = hidden + " more phase" + (hidden === 1 ? "" : "s") + " →"; }
    if (windowMark) {
      var start = grid.offsetLeft + laneWidth(), span = Math.max(1, grid.offsetWidth - laneWidth());
      var from = fitted ? 0 : Math.max(0, left + laneWidth() - start) / span;
      var to = fitted ? 1 : Math.min(1, (right - start) / span);
      windowMark.style.left = (from * 100).toFixed(2) + "%";
      windowMark.style.width = (Math.max(0.02, to - from) * 100).toFixed(2) + "%";
    }
    links.forEach(function (link, n) {
      var th = phases[n];
      var seen = fitted || (th && leftOf(th) < right && leftOf(th) + th.offsetWidth > left + laneWidth());
      link.classList.toggle("in-view", !!seen);
    });
  }

  function fit(on) {
    journey.classList.toggle("fit", on);
    grid.style.zoom = grid.style.marginLeft = grid.style.marginRight = "";
    if (on) {
      var gutter = grid.offsetLeft;
      var zoom = Math.min(1, (scroller.clientWidth - 2 * gutter - 2) / grid.offsetWidth);
      grid.style.zoom = String(zoom);
      grid.style.marginLeft = grid.style.marginRight = (gutter / zoom).toFixed(1) + "px";
    }
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    toggle.textContent = on ? "Back to full size" : "Fit the whole journey";
    update();
  }

  function show(th) {
    if (journey.classList.contains("fit")) { fit(false); }
    scroller.scrollTo({left: Math.max(0, leftOf(th) - laneWidth()), behavior: "smooth"});
  }

  links.forEach(function (link, n) {
    link.addEventListener("click", function (event) {
      if (!phases[n]) { return; }
      event.preventDefault();
      show(phases[n]);
    });
  });
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () { fit(!journey.classList.contains("fit")); });
  }
  grid.addEventListener("click", function (event) {
    var cell = event.target.closest && event.target.closest("th.cell, td.cell");
    if (cell && journey.classList.contains("fit")) {
      fit(false);
      scroller.scrollLeft = Math.max(0, leftOf(cell) - laneWidth() - 24);
    }
  });
  scroller.addEventListener("scroll", update, {passive: true});
  window.addEventListener("resize", function () { fit(journey.classList.contains("fit")); });
  update();

  var sheets = document.querySelector(".sheets");
  var tabs = document.querySelector(".sheet-tabs");
  function showPhase(name) {
    [].forEach.call(sheets.querySelectorAll(".sheet, .sheet-gap"), function (sheet) {
      sheet.classList.toggle("is-shown", sheet.getAttribute("data-phase") === name);
    });
    [].forEach.call(tabs.querySelectorAll("button"), function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-phase") === name ? "true" : "false");
    });
  }
  if (sheets && tabs) {
    var first = tabs.querySelector("button");
    [].forEach.call(tabs.querySelectorAll("button"), function (button) {
      button.addEventListener("click", function () { showPhase(button.getAttribute("data-phase")); });
    });
    if (first) {
      tabs.hidden = false;
      sheets.classList.add("tabbed");
      showPhase(first.getAttribute("data-phase"));
    }
  }

  var body = document.body;
  if (body.classList.contains("poster")) {
    var posterWidth = parseFloat(body.getAttribute("data-poster-width"));
    var pageWidth = parseFloat(body.getAttribute("data-page-width"));
    var pageHeight = parseFloat(body.getAttribute("data-page-height"));
    var height = document.documentElement.scrollHeight;
    var zoom = Math.min(pageWidth / posterWidth, pageHeight / height) * 0.97;
    document.documentElement.style.setProperty("--poster-zoom", zoom.toFixed(4));
  }
})();
