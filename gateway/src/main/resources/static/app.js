// The gateway's web page: plain JavaScript modules, no build step.
import { $, api, announce, ApiFailure, errorMessage, formatBytes, formatRemaining, progressBar, session, setProgress } from './common.js';
import { conversionList } from './conversions.js';

const POLL_MS = 3000;
const FINISHED_NOTICE_MS = 10000;
let pollTimer = null;
let maxUploadBytes = null;
/** Uploaded files whose conversion is not finished yet: conversion name -> their notice. */
const pending = new Map();
const queue = [];
let active = null;

const list = conversionList({
  isAdmin: () => !!session.claims().admin,
  onPhase(item) {
    const notice = pending.get(item.name);
    if (!notice || !list.isTerminal(item)) return;
    pending.delete(item.name);
    notice.li.className = item.phase === 'Succeeded' ? 'ok' : 'error';
    notice.text.textContent = item.phase === 'Succeeded'
      ? notice.file + ' is converted: download it from the list below.'
      : notice.file + ' could not be converted' + (item.message ? ': ' + item.message : '.');
    setTimeout(() => notice.li.remove(), FINISHED_NOTICE_MS);
  },
});

function show(loggedIn) {
  $('login-section').hidden = loggedIn;
  $('app-section').hidden = !loggedIn;
  $('who').hidden = !loggedIn;
  if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  if (loggedIn) {
    $('username').textContent = session.claims().sub || '';
    list.clear();
    list.refresh();
    loadLimits();
    pollTimer = setInterval(list.refresh, POLL_MS);
  }
}

session.onEnd(() => {
  if (active) active.xhr.abort();
  queue.length = 0;
  show(false);
});

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  const basic = btoa(unescape(encodeURIComponent($('login-user').value + ':' + $('login-password').value)));
  try {
    const response = await fetch('login', { method: 'POST', headers: { Authorization: 'Basic ' + basic } });
    if (!response.ok) {
      $('login-error').textContent = response.status === 401 ? 'Wrong username or password.' : await errorMessage(response);
      return;
    }
    session.start((await response.text()).trim());
    $('login-password').value = '';
    show(true);
    $('file').focus(); // straight to the upload area
  } catch (e) {
    $('login-error').textContent = 'The server cannot be reached.';
  }
});

$('logout').addEventListener('click', () => session.end());

/** The server's limits, stated next to the file input and checked before an upload starts. */
async function loadLimits() {
  try {
    const limits = await (await api('api/v1/limits')).json();
    maxUploadBytes = limits.maxUploadBytes;
    $('limits').textContent = 'Up to ' + formatBytes(limits.maxUploadBytes) + ' per file. Formats: '
      + limits.formats.join(', ') + '.';
    $('bitrate').replaceChildren(...limits.bitrates.map((rate) => {
      const option = document.createElement('option');
      option.value = rate;
      option.textContent = rate.replace('k', ' kbit/s') + (rate === limits.defaultBitrate ? ' (default)' : '');
      option.selected = rate === limits.defaultBitrate;
      return option;
    }));
  } catch (e) {
    if (!(e instanceof ApiFailure)) throw e;
  }
}

// ---- uploads: a queue, one at a time, each with its own progress bar and Cancel button ----------

function enqueue(files) {
  $('upload-error').textContent = '';
  for (const file of files) {
    if (maxUploadBytes != null && file.size > maxUploadBytes) {
      $('upload-error').textContent = file.name + ' is larger than the limit of ' + formatBytes(maxUploadBytes) + '.';
      continue;
    }
    const li = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = file.name + ': waiting';
    const bar = progressBar('Upload of ' + file.name);
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'secondary';
    cancel.textContent = 'Cancel';
    cancel.setAttribute('aria-label', 'Cancel the upload of ' + file.name);
    li.append(text, bar, cancel);
    $('uploads').appendChild(li);
    const upload = { file, bitrate: $('bitrate').value, li, text, bar, cancel, xhr: null };
    cancel.addEventListener('click', () => cancelUpload(upload));
    queue.push(upload);
  }
  next();
}

function cancelUpload(upload) {
  if (upload === active) {
    upload.xhr.abort();
  } else {
    queue.splice(queue.indexOf(upload), 1);
    finishUpload(upload, 'error', upload.file.name + ': upload cancelled.');
    next();
  }
}

function finishUpload(upload, className, message) {
  upload.li.className = className;
  upload.text.textContent = message;
  upload.bar.remove();
  upload.cancel.remove();
  announce(message);
  if (className === 'error') setTimeout(() => upload.li.remove(), FINISHED_NOTICE_MS);
}

// XMLHttpRequest rather than fetch: only it reports upload progress (and it can be aborted).
function next() {
  if (active || queue.length === 0) return;
  const upload = active = queue.shift();
  const form = new FormData();
  form.append('bitrate', upload.bitrate);
  form.append('file', upload.file, upload.file.name);
  const xhr = upload.xhr = new XMLHttpRequest();
  const started = Date.now();
  xhr.open('POST', 'api/v1/conversions');
  xhr.setRequestHeader('Authorization', 'Bearer ' + session.token);
  upload.text.textContent = upload.file.name + ': uploading';
  xhr.upload.onprogress = (e) => {
    if (!e.lengthComputable) return;
    const remaining = formatRemaining(e.loaded / e.total, Date.now() - started);
    setProgress(upload.bar, (e.loaded / e.total) * 100, remaining);
    upload.text.textContent = upload.file.name + ': ' + Math.floor((e.loaded / e.total) * 100) + '%'
      + (remaining ? ' · ' + remaining : '');
  };
  const done = (className, message) => {
    active = null;
    finishUpload(upload, className, message);
    next();
  };
  xhr.onload = () => {
    let body = {};
    try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
    if (xhr.status === 202) {
      done('ok', 'Uploaded: ' + upload.file.name + ' is being converted.');
      pending.set(body.name, { file: upload.file.name, li: upload.li, text: upload.text });
      list.refresh();
    } else if (xhr.status === 401) {
      done('error', upload.file.name + ': your session has ended.');
      session.end();
    } else {
      done('error', upload.file.name + ': ' + (body.message || 'upload failed (HTTP ' + xhr.status + ')'));
    }
  };
  xhr.onerror = () => done('error', upload.file.name + ': the upload was interrupted.');
  xhr.onabort = () => done('error', upload.file.name + ': upload cancelled.');
  xhr.send(form);
}

$('upload-form').addEventListener('submit', (event) => event.preventDefault());
$('file').addEventListener('change', () => {
  enqueue([...$('file').files]);
  $('file').value = '';
});

const zone = $('drop-zone');
zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('dragging'); });
zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('dragging');
  enqueue([...event.dataTransfer.files]);
});
// A file dropped beside the zone must not make the browser navigate away from the page.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

if (session.valid()) {
  show(true);
} else {
  session.end();
}
