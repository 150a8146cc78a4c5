// Only an enhancement: the quick-exit link works without this. Escape leaves the site too.
(function () {
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { window.location.replace(link.href); }
  });
  link.addEventListener("click", function (event) {
    event.preventDefault();
    window.location.replace(link.href);  // replace: the visit leaves no "back" entry
  });
}());
