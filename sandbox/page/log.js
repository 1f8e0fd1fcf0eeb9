// The log pane: every webhook sent and Graph call received, newest first, filtered by
// customer and kind; a row opens into what was sent (headers and pretty JSON) and what
// came back (the host's answer body, Graph's answer). Uses app.js's `$` and `el`.
'use strict'

const logView = { customer: '', kind: '', open: new Set() }

// The PSIDs an entry concerns: a webhook's senders, a send's recipient.
function entryPsids(entry) {
  if (entry.kind === 'webhook' && typeof entry.body === 'string') {
    try {
      return JSON.parse(entry.body).entry.flatMap((e) => (e.messaging || []).map((m) => m.sender && m.sender.id))
    } catch { return [] }
  }
  if (entry.kind === 'graph') {
    const recipient = entry.request && entry.request.recipient
    const id = recipient && (recipient.id || recipient)
    const inPath = ((entry.path || '').match(/\d{10,}/g) || [])
    return [id, ...inPath].filter(Boolean).map(String)
  }
  return []
}

const pretty = (value) => {
  if (typeof value !== 'string') return JSON.stringify(value, null, 2)
  try { return JSON.stringify(JSON.parse(value), null, 2) } catch { return value }
}

function section(title, text) {
  return text === undefined || text === null || text === '' ? null
    : el('div', { class: 'section' }, el('h3', {}, title), el('pre', {}, text))
}

function details(entry) {
  if (entry.kind === 'webhook') {
    const headers = Object.entries(entry.headers || {}).map(([k, v]) => `${k}: ${v}`).join('\n')
    const answer = entry.status === null
      ? `no answer: ${entry.error}`
      : `${entry.status}${entry.answer_body ? '\n' + pretty(entry.answer_body) : ' (empty body)'}${entry.answer_truncated ? '\n… (cut)' : ''}`
    return [section('POST to your app', headers), section('body', pretty(entry.body)), section("your app's answer", answer)]
  }
  if (entry.kind === 'graph') {
    return [section(`${entry.method} ${entry.path}`, pretty(entry.request)), section(`answer ${entry.status}`, pretty(entry.answer))]
  }
  return [section('entry', pretty(entry))]
}

function summary(entry) {
  if (entry.kind === 'webhook') {
    const answer = entry.status === null ? `no answer (${entry.error})` : entry.status
    return `${entry.events.join(', ')} → your app ${answer} in ${entry.latency_ms} ms (attempt ${entry.attempt}${entry.redelivery ? ', redelivery' : ''})`
  }
  if (entry.kind === 'graph') {
    const error = entry.answer && entry.answer.error
    const why = error ? ` ${error.code}${error.error_subcode ? '/' + error.error_subcode : ''} ${error.message}` : ''
    return `${entry.method} ${entry.path} → ${entry.status}${why}`
  }
  if (entry.kind === 'handshake') return entry.verified ? 'verified the webhook URL' : `handshake failed (${entry.status ?? entry.error})`
  if (entry.kind === 'clock') return `clock +${entry.advance_hours} h`
  return JSON.stringify(entry)
}

function renderLogFilters(state) {
  const customers = $('#log-customer')
  const chosen = logView.customer
  customers.replaceChildren(el('option', { value: '' }, 'every customer'),
    ...state.customers.map((c) => el('option', { value: c.psid }, `${c.first_name} ${c.last_name}`)))
  customers.value = chosen
}

function renderLog(state) {
  renderLogFilters(state)
  const shown = state.log.slice().reverse().filter((entry) =>
    (!logView.kind || entry.kind === logView.kind) &&
    (!logView.customer || entryPsids(entry).includes(logView.customer)))
  $('#log-count').textContent = `${shown.length} of ${state.log.length}`
  $('#log').replaceChildren(...shown.map((entry) => {
    const failed = (entry.status !== undefined && (entry.status === null || entry.status >= 300)) || entry.verified === false
    const open = logView.open.has(entry.seq)
    const toggle = () => { open ? logView.open.delete(entry.seq) : logView.open.add(entry.seq); renderLog(state) }
    return el('li', { class: `entry ${entry.kind}${failed ? ' failed' : ''}${open ? ' open' : ''}`, 'data-seq': entry.seq },
      el('button', { type: 'button', class: 'head', 'aria-expanded': String(open), onclick: toggle },
        el('span', { class: 'kind' }, entry.kind),
        el('time', {}, new Date(entry.at).toISOString().slice(11, 19)),
        el('span', { class: 'status' }, summary(entry))),
      open ? el('div', { class: 'details' }, details(entry)) : null)
  }))
}

function watchLogFilters(rerender) {
  $('#log-customer').addEventListener('change', (event) => { logView.customer = event.target.value; rerender() })
  $('#log-kind').addEventListener('change', (event) => { logView.kind = event.target.value; rerender() })
}
