/*
 * What a user typed into a form is not lost when the form is refused because the login had ended (the session
 * expired, or query-service restarted): the server sends the form to the login page, and after logging in back to
 * the form's page with "?gendan"; this script then puts what was typed back into the form. The pages work without
 * it; it only keeps the text.
 *
 * What it keeps, and how long: the fields of the one form being sent (never hidden fields, files or passwords), in
 * the tab's sessionStorage (gone with the tab), from the moment it is sent until the next page is shown — unless that
 * page is the login page, which keeps it for the page after. It is put back only on the same page, for the same user.
 */
(function () {
    'use strict';
    var KEY = 'tilsynsspor.sendt';

    function user() {
        var meta = document.querySelector('meta[name="tilsynsspor-bruger"]');
        return meta ? meta.getAttribute('content') : null;
    }

    function kept(form) {
        return Array.prototype.filter.call(form.elements, function (field) {
            return field.name && !field.disabled && ['hidden', 'file', 'password', 'submit', 'button', 'reset']
                .indexOf(field.type) < 0 && /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName);
        });
    }

    function formKey(form) {
        var action = form.getAttribute('action') || '';
        var same = Array.prototype.filter.call(document.forms, function (other) {
            return (other.getAttribute('action') || '') === action;
        });
        return action + '#' + same.indexOf(form);
    }

    function values(form) {
        return kept(form).map(function (field) {
            if (field.type === 'checkbox' || field.type === 'radio') {
                return {n: field.name, v: field.value, c: field.checked};
            }
            if (field.tagName === 'SELECT' && field.multiple) {
                return {n: field.name, s: Array.prototype.filter.call(field.options, function (option) {
                    return option.selected;
                }).map(function (option) {
                    return option.value;
                })};
            }
            return {n: field.name, v: field.value};
        });
    }

    function putBack(form, saved) {
        var used = {};
        kept(form).forEach(function (field) {
            if (field.type === 'checkbox' || field.type === 'radio') {
                var choice = saved.filter(function (entry) {
                    return entry.n === field.name && entry.v === field.value && 'c' in entry;
                })[0];
                if (choice) {
                    field.checked = choice.c;
                }
                return;
            }
            var ofName = saved.filter(function (entry) {
                return entry.n === field.name && !('c' in entry);
            });
            var index = used[field.name] || 0;
            used[field.name] = index + 1;
            var entry = ofName[index];
            if (!entry) {
                return;
            }
            if (entry.s) {
                Array.prototype.forEach.call(field.options, function (option) {
                    option.selected = entry.s.indexOf(option.value) >= 0;
                });
            } else {
                field.value = entry.v;
            }
        });
    }

    function announce(form) {
        var note = document.createElement('p');
        note.id = 'kladde-gendannet';
        note.className = 'banner warning';
        note.setAttribute('role', 'alert');
        note.textContent = 'Dit login var udløbet, så det, du sendte, blev ikke registreret. Det, du skrev, står '
            + 'i formularen igen: se det igennem, og send det.';
        form.parentNode.insertBefore(note, form);
        for (var details = form.closest('details'); details; details = details.parentElement.closest('details')) {
            details.open = true;
        }
        note.scrollIntoView();
    }

    document.addEventListener('DOMContentLoaded', function () {
        var address = new URL(window.location.href);
        var restore = address.searchParams.has('gendan');
        if (restore) { // not again on a reload
            address.searchParams.delete('gendan');
            window.history.replaceState(null, '', address.pathname + address.search + address.hash);
        }
        if (/\/login$/.test(window.location.pathname)) {
            return; // kept for the page the login leads back to
        }
        var sent = null;
        try {
            sent = JSON.parse(window.sessionStorage.getItem(KEY));
        } catch (unreadable) {
            sent = null;
        }
        window.sessionStorage.removeItem(KEY);
        if (!restore || !sent || sent.user !== user() || sent.path !== window.location.pathname) {
            return;
        }
        var form = Array.prototype.filter.call(document.forms, function (candidate) {
            return formKey(candidate) === sent.form;
        })[0];
        if (form) {
            putBack(form, sent.fields);
            announce(form);
        }
    });

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (/\/logout$/.test(form.getAttribute('action') || '')) {
            window.sessionStorage.removeItem(KEY);
            return;
        }
        if (form.method !== 'post' || !user() || form.querySelector('input[type="password"]')) {
            return; // a login form: nothing to keep
        }
        window.sessionStorage.setItem(KEY, JSON.stringify({
            user: user(), path: window.location.pathname, form: formKey(form), fields: values(form)
        }));
    }, true);
}());
