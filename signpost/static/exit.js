// Only enhancements: every page works without this.
(function () {
  // Quick exit: the link works alone; pressing Shift three times in a row does the same
  // (the GOV.UK pattern), so Escape stays free for closing menus.
  var link = document.getElementById("quick-exit");
  if (link) {
    var presses = 0, timer = null;
    var leave = function () { window.location.replace(link.href); };  // no "back" entry
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift" || event.repeat) { presses = 0; return; }
      presses += 1;
      clearTimeout(timer);
      timer = setTimeout(function () { presses = 0; }, 1000);
      if (presses === 3) { leave(); }
    });
    link.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
  }
  // The error summary takes focus, so a screen reader hears what to fix first.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
  // Print or save: with JavaScript a button opens the print dialogue, and every
  // disclosure prints open.
  var print = document.querySelector(".print-button");
  if (print) {
    print.hidden = false;
    document.querySelectorAll(".no-js-only").forEach(function (el) { el.hidden = true; });
    print.addEventListener("click", function () { window.print(); });
  }
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (el) {
      el.open = true;
      opened.push(el);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (el) { el.open = false; });
    opened = [];
  });
}());
