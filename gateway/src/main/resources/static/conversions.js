// The live list of conversions. Polled every few seconds and updated in place: rows are keyed by the
// conversion's name and only changed text is written, so keyboard focus and screen readers keep their place.
import {
  $, api, announce, ApiFailure, formatBytes, formatDuration, formatRemaining, progressBar, setProgress,
} from './common.js';

const PAGE_SIZE = 20;
const TERMINAL = ['Succeeded', 'Failed'];

export function conversionList({ isAdmin, onPhase }) {
  const body = document.querySelector('#conversions tbody');
  const rows = new Map();
  let page = 0;
  let total = 0;

  function label(item) { return item.filename || item.name; }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function cell(row, name) {
    const td = document.createElement('td');
    td.dataset.label = name;
    row.appendChild(td);
    return td;
  }

  function button(text, className, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (className) b.className = className;
    b.addEventListener('click', onClick);
    return b;
  }

  function createRow(item) {
    const tr = document.createElement('tr');
    tr.dataset.name = item.name;
    const view = { tr, item };
    view.file = cell(tr, 'File');
    view.file.className = 'file';
    view.owner = cell(tr, 'Owner');
    view.owner.className = 'owner-col';
    view.status = cell(tr, 'Status');
    const progress = cell(tr, 'Progress');
    view.bar = progressBar('Conversion of ' + label(item));
    view.progressText = document.createElement('span');
    view.progressText.className = 'progress-text';
    const wrapper = document.createElement('div');
    wrapper.className = 'progress';
    wrapper.append(view.bar, view.progressText);
    progress.appendChild(wrapper);
    view.size = cell(tr, 'Size · length');
    view.created = cell(tr, 'Created');
    view.actions = cell(tr, 'Actions');
    view.actions.className = 'actions';
    view.remove = button('Delete', 'secondary', () => remove(view));
    view.remove.setAttribute('aria-label', 'Delete ' + label(item));
    view.actions.appendChild(view.remove);
    rows.set(item.name, view);
    return view;
  }

  function update(view, item) {
    const before = view.item;
    view.item = item;
    if (view.deleting) return;
    setText(view.file, label(item));
    setText(view.owner, item.owner || '');
    setText(view.status, item.phase + (item.phase === 'Failed' && item.message ? ': ' + item.message : ''));
    view.status.className = 'phase-' + item.phase;
    const running = item.phase === 'Running' && item.startedAt;
    const remaining = running ? formatRemaining((item.progress || 0) / 100, Date.now() - Date.parse(item.startedAt)) : '';
    setProgress(view.bar, item.progress || 0, remaining);
    setText(view.progressText, (item.progress || 0) + '%' + (remaining ? ' · ' + remaining : ''));
    const output = item.output || {};
    setText(view.size, [formatBytes(output.sizeBytes), formatDuration(output.durationSeconds)].filter(Boolean).join(' · '));
    setText(view.created, item.createdAt ? new Date(item.createdAt).toLocaleString() : '');
    if (item.phase === 'Succeeded' && !view.download) {
      view.download = button('Download MP3', null, () => download(view.item));
      view.download.setAttribute('aria-label', 'Download ' + label(item) + ' as MP3');
      view.actions.insertBefore(view.download, view.remove);
    }
    if (before !== item && before.phase !== item.phase) {
      announce(label(item) + ': ' + item.phase + (item.phase === 'Failed' && item.message ? ', ' + item.message : ''));
    }
    onPhase(item);
  }

  function render(items) {
    const wanted = new Set(items.map((item) => item.name));
    for (const [name, view] of rows) {
      if (!wanted.has(name) && !view.deleting) drop(view);
    }
    items.forEach((item, index) => {
      const existing = rows.get(item.name);
      const view = existing || createRow(item);
      update(view, item); // a new row (view.item is already item) announces nothing
      // Only rows out of place move (moving a focused element would blur it); new ones slot in.
      if (body.children[index] !== view.tr) body.insertBefore(view.tr, body.children[index] || null);
    });
    $('empty').hidden = total > 0;
    summarise();
  }

  function summarise() {
    const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
    const last = Math.min(total, (page + 1) * PAGE_SIZE);
    setText($('list-summary'), total === 0 ? '' : 'Showing ' + first + '–' + last + ' of ' + total);
    $('pager').hidden = total <= PAGE_SIZE;
    setText($('page-info'), 'Page ' + (page + 1) + ' of ' + Math.max(1, Math.ceil(total / PAGE_SIZE)));
    $('prev-page').disabled = page === 0;
    $('next-page').disabled = (page + 1) * PAGE_SIZE >= total;
  }

  /** Takes a row out; focus inside it goes to the next row's Delete, else to the list's heading. */
  function drop(view) {
    const hadFocus = view.tr.contains(document.activeElement);
    const next = view.tr.nextElementSibling || view.tr.previousElementSibling;
    view.tr.remove();
    rows.delete(view.item.name);
    if (hadFocus) {
      const target = next && rows.get(next.dataset.name);
      (target ? target.remove : $('list-title')).focus();
    }
  }

  async function refresh() {
    try {
      const response = await api('api/v1/conversions?page=' + page + '&size=' + PAGE_SIZE);
      const json = await response.json();
      total = json.total;
      if (json.items.length === 0 && page > 0 && total > 0) {
        page = Math.floor((total - 1) / PAGE_SIZE);
        return refresh();
      }
      setText($('list-error'), '');
      render(json.items);
    } catch (e) {
      if (e instanceof ApiFailure) setText($('list-error'), e.message);
      else throw e;
    }
  }

  async function remove(view) {
    const name = label(view.item);
    if (!confirm('Delete ' + name + ' and its MP3?')) return;
    view.deleting = true;
    view.tr.classList.add('deleting');
    view.actions.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    setText(view.status, 'Deleting…');
    announce('Deleting ' + name);
    try {
      await api('api/v1/conversions/' + encodeURIComponent(view.item.name), { method: 'DELETE' });
      view.deleting = false;
      drop(view);
      total = Math.max(0, total - 1);
      summarise();
      $('empty').hidden = total > 0;
      announce(name + ' deleted');
    } catch (e) {
      view.deleting = false;
      view.tr.classList.remove('deleting');
      view.actions.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      update(view, view.item);
      setText($('list-error'), 'Could not delete ' + name + ': ' + e.message);
    }
  }

  // The download needs the bearer header, so it is fetched and handed to the browser as a blob.
  async function download(item) {
    try {
      const blob = await (await api('api/v1/conversions/' + encodeURIComponent(item.name) + '/audio')).blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = label(item).replace(/\.[^.]*$/, '') + '.mp3';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      setText($('list-error'), e.message);
    }
  }

  $('prev-page').addEventListener('click', () => { if (page > 0) { page--; refresh(); } });
  $('next-page').addEventListener('click', () => { if ((page + 1) * PAGE_SIZE < total) { page++; refresh(); } });

  return {
    refresh,
    clear() {
      for (const view of [...rows.values()]) drop(view);
      page = 0;
      total = 0;
      $('conversions').classList.toggle('show-owner', isAdmin());
    },
    isTerminal: (item) => TERMINAL.includes(item.phase),
  };
}
