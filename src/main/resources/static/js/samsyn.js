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

// Follow-up forms: check personnummer, dates and age while the user types. The server checks everything again.
(function () {
  function luhn(ten) {
    var sum = 0;
    for (var i = 0; i < 10; i++) {
      var d = ten.charCodeAt(i) - 48;
      if (i % 2 === 0) { d *= 2; if (d > 9) { d -= 9; } }
      sum += d;
    }
    return sum % 10 === 0;
  }
  // Returns {problem: 'format'|'date'|'check'} or {year, gender}.
  function personnummer(text, today) {
    var t = text.trim();
    var m = /^(\d{8})-?(\d{4})$/.exec(t);
    var full;
    if (m) {
      full = m[1] + m[2];
    } else {
      m = /^(\d{6})([-+]?)(\d{4})$/.exec(t);
      if (!m) { return { problem: 'format' }; }
      var year = Math.floor(today.getFullYear() / 100) * 100 + parseInt(m[1].substring(0, 2), 10);
      if (year > today.getFullYear()) { year -= 100; }
      if (m[2] === '+') { year -= 100; }
      full = year + m[1].substring(2) + m[3];
    }
    var y = parseInt(full.substring(0, 4), 10), mo = parseInt(full.substring(4, 6), 10), d = parseInt(full.substring(6, 8), 10);
    if (d > 60) { d -= 60; }
    var date = new Date(y, mo - 1, d);
    if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date > today) {
      return { problem: 'date' };
    }
    if (!luhn(full.substring(2))) { return { problem: 'check' }; }
    return { year: y, gender: (full.charCodeAt(10) - 48) % 2 === 1 ? 'MAN' : 'WOMAN' };
  }
  function field(form, name) { return form.querySelector('[name="' + name + '"]'); }
  function update(form) {
    var today = form.getAttribute('data-today') ? new Date(form.getAttribute('data-today') + 'T12:00:00') : new Date();
    var anonymous = false;
    var consent = form.querySelector('input[name="consent"]:checked');
    var protectedIdentity = field(form, 'protectedIdentity');
    if ((consent && consent.value === 'false') || (protectedIdentity && protectedIdentity.checked)) { anonymous = true; }
    form.querySelectorAll('[data-personal]').forEach(function (el) { el.hidden = anonymous; });
    var pnr = form.querySelector('[data-personnummer]');
    var birthYear = null;
    if (pnr) {
      var live = pnr.parentNode.querySelector('[data-live-error]');
      live.textContent = '';
      pnr.removeAttribute('aria-invalid');
      if (pnr.value.trim() !== '') {
        var result = personnummer(pnr.value, today);
        if (result.problem) {
          if (result.problem !== 'format' || pnr.value.replace(/\D/g, '').length >= 10) {
            live.textContent = pnr.getAttribute('data-msg-' + result.problem);
            pnr.setAttribute('aria-invalid', 'true');
          }
        } else {
          birthYear = result.year;
          var gender = form.querySelector('input[name="gender"][value="' + result.gender + '"]');
          if (gender) { gender.checked = true; }
        }
      }
    }
    var yearInput = form.querySelector('[data-birth-year]');
    if (birthYear === null && yearInput && /^\d{4}$/.test(yearInput.value.trim())) { birthYear = parseInt(yearInput.value, 10); }
    var warning = form.querySelector('[data-age-warning]');
    var start = field(form, 'startDate');
    if (warning) {
      warning.textContent = '';
      if (birthYear !== null && start && /^\d{4}-/.test(start.value)) {
        var age = parseInt(start.value.substring(0, 4), 10) - birthYear;
        if (age < 16 || age > 64) { warning.textContent = warning.getAttribute('data-message'); }
      }
    }
    // Dates in order: referral ≤ start ≤ today; exit ≥ start and ≤ today.
    var todayText = form.getAttribute('data-today');
    form.querySelectorAll('input[type="date"]').forEach(function (input) {
      if (todayText) { input.max = todayText; }
    });
    var referral = field(form, 'referralDate');
    if (referral && start && start.value) { referral.max = start.value < todayText ? start.value : todayText; }
    var end = field(form, 'endDate');
    if (end && form.getAttribute('data-start')) { end.min = form.getAttribute('data-start'); }
    form.querySelectorAll('input[type="date"]').forEach(function (input) {
      var message = input.parentNode.querySelector('[data-date-error]');
      if (!message) {
        message = document.createElement('p');
        message.className = 'error';
        message.setAttribute('data-date-error', '');
        message.setAttribute('aria-live', 'polite');
        input.parentNode.appendChild(message);
      }
      var bad = input.value && ((input.min && input.value < input.min) || (input.max && input.value > input.max));
      message.textContent = bad ? (form.getAttribute('data-msg-order') || '') : '';
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-followup-form]').forEach(function (form) {
      update(form);
      form.addEventListener('input', function () { update(form); });
      form.addEventListener('change', function () { update(form); });
    });
  });
})();
