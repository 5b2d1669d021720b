// One tab per language; choosing a language in one example chooses it everywhere, as
// the docs site does.
function select(lang) {
  document.querySelectorAll('.tabs').forEach(function (tabs) {
    tabs.querySelectorAll('[role=tab]').forEach(function (b) { b.setAttribute('aria-selected', String(b.dataset.tab === lang)); });
    tabs.querySelectorAll('[role=tabpanel]').forEach(function (p) { p.hidden = p.dataset.tab !== lang; });
  });
}
document.querySelectorAll('[role=tab]').forEach(function (b) {
  b.addEventListener('click', function () { select(b.dataset.tab); });
});
