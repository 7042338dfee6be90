/* cjm index: click a column heading to sort the maps by it; click again to reverse. */
(function () {
  var table = document.querySelector("table.maps");
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = table.querySelectorAll("th[data-sort]");
  function value(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell.getAttribute("data-value");
    if (raw === null) { raw = cell.textContent.trim(); }
    return numeric ? parseFloat(raw) : raw.toLowerCase();
  }
  heads.forEach(function (head) {
    var button = head.querySelector("button");
    button.addEventListener("click", function () {
      var column = head.cellIndex;
      var numeric = head.getAttribute("data-sort") === "number";
      var ascending = head.getAttribute("aria-sort") !== "ascending";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, column, numeric), y = value(b, column, numeric);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  });
})();
