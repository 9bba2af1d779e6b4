// Searches the site in the browser: fetches search-index.json (its address is the data-index
// attribute of .search-status, which the layout writes with the site's sub-path) once, and lists
// the pages whose title, tags or text hold every word typed. Nothing is sent anywhere; text from
// the index is only ever inserted as text (textContent), never as HTML.
(function () {
  'use strict';
  var form = document.querySelector('.search-form');
  var status = document.querySelector('.search-status');
  var list = document.querySelector('.search-results');
  if (!form || !status || !list) return;
  var input = form.querySelector('input[name="q"]');
  var loading = null;

  // lower case, accents dropped: "Café" is found by "cafe"
  // the page's words, as its layout gives them (data-none, data-one...), else English
  function said(name, english) {
    return status.getAttribute('data-' + name) || english;
  }

  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function load() {
    if (!loading) {
      loading = fetch(status.getAttribute('data-index'), { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (pages) {
          // on a site in several languages, the pages in the search page's own (<html lang>)
          var lang = document.documentElement.lang;
          var mine = pages.filter(function (p) { return !p.lang || p.lang === lang; });
          return (mine.length > 0 ? mine : pages).map(function (p) {
            return { page: p, title: fold(p.title), tags: fold((p.tags || []).join(' ')), text: fold(p.text) };
          });
        });
      loading.catch(function () { loading = null; }); // a later search tries again
    }
    return loading;
  }

  // every word must be somewhere; a word in the title counts most, then in the tags
  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var s = (entry.title.indexOf(w) >= 0 ? 10 : 0) + (entry.tags.indexOf(w) >= 0 ? 5 : 0)
        + (entry.text.indexOf(w) >= 0 ? 1 : 0);
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  // about 160 characters of the text around the first word found
  function snippet(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = lower.indexOf(words[i]);
    var start = Math.max(0, at - 60);
    if (start > 0) {
      var space = text.indexOf(' ', start);
      start = space >= 0 && space < at ? space + 1 : start;
    }
    var end = Math.min(text.length, start + 160);
    if (end < text.length) {
      var cut = text.lastIndexOf(' ', end);
      end = cut > start ? cut : end;
    }
    return (start > 0 ? '\u2026' : '') + text.slice(start, end) + (end < text.length ? '\u2026' : '');
  }

  function show(query, entries) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = '';
    if (words.length === 0) {
      status.textContent = '';
      return;
    }
    var found = entries.map(function (e) { return { entry: e, score: score(e, words) }; })
      .filter(function (r) { return r.score > 0; })
      .sort(function (a, b) { return b.score - a.score || (a.entry.page.url < b.entry.page.url ? -1 : 1); });
    status.textContent = found.length === 0 ? said('none', 'No pages found for') + ' \u201c' + query + '\u201d.'
      : found.length + ' ' + (found.length === 1 ? said('one', 'page found for') : said('many', 'pages found for'))
        + ' \u201c' + query + '\u201d.';
    found.slice(0, 50).forEach(function (r) {
      var p = r.entry.page;
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = p.url;
      link.textContent = p.title || p.url;
      item.appendChild(link);
      if (p.section) {
        var section = document.createElement('span');
        section.className = 'search-section';
        section.textContent = p.section;
        item.appendChild(section);
      }
      var text = document.createElement('p');
      text.textContent = snippet(p.text, words);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  function search(query) {
    if (!query.trim()) {
      show('', []);
      return;
    }
    status.textContent = said('searching', 'Searching\u2026');
    load().then(function (entries) {
      if (input.value === query) show(query, entries); // a later search has the last word
    }, function (error) {
      status.textContent = said('failed', 'The search index could not be loaded') + ' (' + error.message + ').';
    });
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 150);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    var url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    search(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
