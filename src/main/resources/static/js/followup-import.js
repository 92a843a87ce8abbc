// The import pages: while a file is read or rows are saved, say so with a progress bar.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var id = form.getAttribute('data-progress');
  if (!id || event.defaultPrevented) {
    return;
  }
  var progress = document.getElementById(id);
  if (progress) {
    progress.hidden = false;
  }
  form.querySelectorAll('button[type=submit]').forEach(function (button) {
    button.disabled = true;
  });
});
