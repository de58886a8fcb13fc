// Shows the times the pages print in UTC in the reader's own time zone: each <time datetime> that names a clock
// time gets it in local time, keeping the relative part ("3 min ago"). Without JavaScript the UTC times stay.
(function () {
  function localize(root) {
    root.querySelectorAll('time[datetime]').forEach(function (element) {
      var text = element.textContent;
      if (text.indexOf('UTC') < 0) {
        return;
      }
      var at = new Date(element.getAttribute('datetime'));
      if (isNaN(at.getTime())) {
        return;
      }
      var relative = text.indexOf('(') >= 0 ? ' ' + text.substring(text.indexOf('(')) : '';
      element.textContent = at.toLocaleString() + relative;
      element.title = element.getAttribute('datetime');
    });
  }
  localize(document);
  document.addEventListener('downtime:refreshed', function (event) { localize(event.target); });
}());
