// What the page's modules share: the session (the token lives in sessionStorage only), API calls,
// the screen-reader announcer and human-readable numbers.
export const $ = (id) => document.getElementById(id);

const TOKEN_KEY = 'video2mp3.token';
const logoutListeners = [];

function decodeClaims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return {};
  }
}

export const session = {
  token: sessionStorage.getItem(TOKEN_KEY),
  claims() { return this.token ? decodeClaims(this.token) : {}; },
  valid() { return !!this.token && (this.claims().exp || 0) * 1000 > Date.now(); },
  start(token) { this.token = token; sessionStorage.setItem(TOKEN_KEY, token); },
  end() {
    this.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    logoutListeners.forEach((listener) => listener());
  },
  onEnd(listener) { logoutListeners.push(listener); },
};

export class ApiFailure extends Error {}

/** fetch() with the bearer token; a 401 ends the session. Throws ApiFailure with the server's message. */
export async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: 'Bearer ' + session.token } });
  } catch (e) {
    throw new ApiFailure('The server cannot be reached.');
  }
  if (response.status === 401) {
    session.end();
    throw new ApiFailure('Your session has ended: log in again.');
  }
  if (!response.ok) {
    throw new ApiFailure(await errorMessage(response));
  }
  return response;
}

export async function errorMessage(response) {
  try {
    const body = await response.json();
    return body.message || body.error || response.statusText;
  } catch (e) {
    return response.status + ' ' + response.statusText;
  }
}

/** Says something to screen readers (the polite live region keeps the last few messages). */
export function announce(text) {
  const region = $('announcer');
  const line = document.createElement('p');
  line.textContent = text;
  region.appendChild(line);
  while (region.childElementCount > 5) region.firstElementChild.remove();
}

export function formatBytes(bytes) {
  if (bytes == null || bytes < 0) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
}

export function formatDuration(seconds) {
  if (seconds == null || !isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
}

/** "about 3 min left" from the work done so far and the time it took. */
export function formatRemaining(doneFraction, elapsedMs) {
  if (!(doneFraction > 0.01) || doneFraction >= 1 || !(elapsedMs > 0)) return '';
  const seconds = (elapsedMs / 1000) * (1 - doneFraction) / doneFraction;
  if (seconds < 60) return 'about ' + Math.max(1, Math.round(seconds)) + ' s left';
  if (seconds < 3600) return 'about ' + Math.round(seconds / 60) + ' min left';
  return 'about ' + (seconds / 3600).toFixed(1) + ' h left';
}

/** A progress bar with an accessible name and value (role progressbar, aria-valuenow). */
export function progressBar(label) {
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-label', label);
  const fill = document.createElement('div');
  fill.className = 'fill';
  bar.appendChild(fill);
  setProgress(bar, 0);
  return bar;
}

export function setProgress(bar, percent, text) {
  const value = String(Math.max(0, Math.min(100, Math.round(percent))));
  if (bar.getAttribute('aria-valuenow') !== value) {
    bar.setAttribute('aria-valuenow', value);
    bar.firstElementChild.style.width = value + '%';
  }
  const valueText = text ? value + '%, ' + text : value + '%';
  if (bar.getAttribute('aria-valuetext') !== valueText) bar.setAttribute('aria-valuetext', valueText);
}
