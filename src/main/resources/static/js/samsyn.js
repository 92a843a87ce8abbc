// Small progressive enhancements; every page works without them.
document.addEventListener('change', function (event) {
  var select = event.target.closest('select[data-autosubmit]');
  if (select && select.value) {
    select.form.submit();
  }
});
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
