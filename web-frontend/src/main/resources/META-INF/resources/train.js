// Follows a training job until it ends, updating its progress bar; without JavaScript the page has a refresh link.
(function () {
  var section = document.getElementById('job');
  if (!section || !window.fetch) {
    return;
  }
  var timer = setInterval(function () {
    fetch(section.getAttribute('data-status'))
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) {
          return;
        }
        document.getElementById('progress').value = job.percent;
        document.getElementById('phase').textContent = job.phase;
        document.getElementById('state').textContent = 'State: ' + job.state;
        if (job.state !== 'running') {
          clearInterval(timer);
          var result = document.getElementById('result');
          if (job.version) {
            result.textContent = 'Model ' + job.version + (job.promoted ? ' is the new champion. '
              : ' did not beat the champion and is stored, not served. ');
            var compare = document.createElement('a');
            compare.setAttribute('href', '/models?compare=' + encodeURIComponent(job.version));
            compare.textContent = 'Compare it with the champion';
            result.appendChild(compare);
          } else if (job.error) {
            result.textContent = 'Failed: ' + job.error;
          }
        }
      })
      .catch(function () { /* try again on the next tick */ });
  }, 1000);
})();
