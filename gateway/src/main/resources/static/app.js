// The gateway's web page: plain JavaScript, no build step. The token lives in sessionStorage only.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 3000;
  let token = sessionStorage.getItem('video2mp3.token');
  let pollTimer = null;

  function claims(jwt) {
    try {
      const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) {
      return {};
    }
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      return body.message || body.error || response.statusText;
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  function show(loggedIn) {
    $('login-section').hidden = loggedIn;
    $('app-section').hidden = !loggedIn;
    $('who').hidden = !loggedIn;
    if (loggedIn) {
      $('username').textContent = claims(token).sub || '';
      refresh();
      pollTimer = setInterval(refresh, POLL_MS);
    } else if (pollTimer) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  }

  function logout() {
    token = null;
    sessionStorage.removeItem('video2mp3.token');
    show(false);
  }

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
      token = (await response.text()).trim();
      sessionStorage.setItem('video2mp3.token', token);
      $('login-password').value = '';
      show(true);
    } catch (e) {
      $('login-error').textContent = 'The server cannot be reached.';
    }
  });

  $('logout').addEventListener('click', logout);

  // XMLHttpRequest rather than fetch: only it reports upload progress.
  $('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const file = $('file').files[0];
    if (!file) return;
    $('upload-error').textContent = '';
    $('upload-ok').textContent = '';
    $('upload-progress').hidden = false;
    $('upload-button').disabled = true;
    const form = new FormData();
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'api/v1/conversions');
    xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        const percent = Math.floor((e.loaded / e.total) * 100);
        $('upload-bar').value = percent;
        $('upload-percent').textContent = percent + '%';
      }
    };
    xhr.onload = () => {
      $('upload-button').disabled = false;
      $('upload-progress').hidden = true;
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status === 202) {
        $('upload-ok').textContent = 'Uploaded: ' + file.name + ' is being converted.';
        $('upload-form').reset();
        refresh();
      } else if (xhr.status === 401) {
        logout();
      } else {
        $('upload-error').textContent = body.message || ('Upload failed: HTTP ' + xhr.status);
      }
    };
    xhr.onerror = () => {
      $('upload-button').disabled = false;
      $('upload-progress').hidden = true;
      $('upload-error').textContent = 'The upload was interrupted.';
    };
    xhr.send(form);
  });

  async function refresh() {
    if (!token) return;
    try {
      const response = await fetch('api/v1/conversions?size=50', { headers: { Authorization: 'Bearer ' + token } });
      if (response.status === 401) { logout(); return; }
      if (!response.ok) { $('list-error').textContent = await errorMessage(response); return; }
      $('list-error').textContent = '';
      render((await response.json()).items);
    } catch (e) {
      $('list-error').textContent = 'The server cannot be reached.';
    }
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function render(items) {
    const body = document.querySelector('#conversions tbody');
    body.replaceChildren();
    $('empty').hidden = items.length > 0;
    for (const item of items) {
      const row = document.createElement('tr');
      row.appendChild(cell(item.filename || item.name));
      row.appendChild(cell(item.phase + (item.phase === 'Failed' && item.message ? ': ' + item.message : ''), 'phase-' + item.phase));
      const progress = document.createElement('td');
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = item.progress || 0;
      progress.appendChild(bar);
      row.appendChild(progress);
      row.appendChild(cell(item.createdAt ? new Date(item.createdAt).toLocaleString() : ''));
      const action = document.createElement('td');
      if (item.phase === 'Succeeded') {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Download MP3';
        button.addEventListener('click', () => download(item));
        action.appendChild(button);
      }
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'secondary';
      remove.textContent = 'Delete';
      remove.title = 'Delete this conversion and its files';
      remove.addEventListener('click', () => removeConversion(item));
      action.appendChild(remove);
      row.appendChild(action);
      body.appendChild(row);
    }
  }

  async function removeConversion(item) {
    if (!confirm('Delete ' + (item.filename || item.name) + ' and its MP3?')) return;
    const response = await fetch('api/v1/conversions/' + encodeURIComponent(item.name),
      { method: 'DELETE', headers: { Authorization: 'Bearer ' + token } });
    if (response.status === 401) { logout(); return; }
    if (!response.ok && response.status !== 404) { $('list-error').textContent = await errorMessage(response); return; }
    refresh();
  }

  // The download needs the bearer header, so it is fetched and handed to the browser as a blob.
  async function download(item) {
    const response = await fetch('api/v1/conversions/' + encodeURIComponent(item.name) + '/audio',
      { headers: { Authorization: 'Bearer ' + token } });
    if (!response.ok) { $('list-error').textContent = await errorMessage(response); return; }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = (item.filename || item.name).replace(/\.[^.]*$/, '') + '.mp3';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  if (token && (claims(token).exp || 0) * 1000 > Date.now()) {
    show(true);
  } else {
    logout();
  }
})();
