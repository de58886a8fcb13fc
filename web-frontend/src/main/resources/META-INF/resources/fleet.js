// Refreshes the fleet table in place every 30 seconds; without JavaScript the page is complete as served.
(function () {
  var container = document.getElementById('fleet-table');
  if (!container || !window.fetch) {
    return;
  }
  setInterval(function () {
    fetch(container.getAttribute('data-refresh'), {headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null) {
          container.innerHTML = html;
          container.dispatchEvent(new Event('downtime:refreshed', {bubbles: true}));
        }
      })
      .catch(function () { /* keep the last table; the next refresh tries again */ });
  }, 30000);
})();
