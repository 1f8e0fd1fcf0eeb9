// The customer's side of a Messenger thread. Everything it does goes through the control
// API (/sandbox/api/); every change comes back over Server-Sent Events, and the page then
// renders the sandbox's state again. It never sees the app secret.
'use strict'

const api = (path, body) =>
  fetch(`/sandbox/api/${path}`, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }).then((r) => r.json())

let state = null
let current = null

const $ = (selector) => document.querySelector(selector)
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value)
    else if (value !== undefined && value !== null) node.setAttribute(key, value)
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child)
  }
  return node
}

function act(action, body = {}) {
  const mode = $('#delivery-mode').value
  if (mode !== 'normal') body.delivery = mode
  $('#delivery-mode').value = 'normal'
  return api(`customers/${current}/${action}`, body)
}

// A Send API button as the person sees it; in a message Meta refused (`live` false) it
// has no action at all.
function button(b, live) {
  const title = b.title || b.type
  if (!live) return el('button', { type: 'button', disabled: 'disabled' }, title)
  if (b.type === 'web_url') return el('a', { href: b.url, target: '_blank', rel: 'noopener' }, title)
  if (b.type === 'phone_number') return el('a', { href: `tel:${b.payload}` }, title)
  if (b.type === 'postback') {
    return el('button', { type: 'button', class: 'postback', onclick: () => act('postback', { payload: b.payload, title }) }, title)
  }
  return el('button', { type: 'button', disabled: 'disabled' }, title)
}

function card(element, ratio, live) {
  const image = el('div', { class: `image${ratio === 'square' ? ' square' : ''}` })
  if (element.image_url) image.style.backgroundImage = `url("${element.image_url}")`
  return el('div', { class: 'card' },
    element.image_url ? image : null,
    el('div', { class: 'title' }, element.title || ''),
    element.subtitle ? el('div', { class: 'subtitle' }, element.subtitle) : null,
    element.buttons && element.buttons.length ? el('div', { class: 'buttons' }, element.buttons.map((b) => button(b, live))) : null)
}

// The Page's message as Messenger renders it.
function pageContent(message, live) {
  if (!message) return el('div', { class: 'bubble' }, '(no message)')
  if (message.text !== undefined) return el('div', { class: 'bubble' }, message.text)
  const attachment = message.attachment || (message.attachments || [])[0]
  if (!attachment) return el('div', { class: 'bubble' }, JSON.stringify(message))
  const payload = attachment.payload || {}
  switch (attachment.type) {
    case 'image': return el('div', { class: 'media' }, el('img', { src: payload.url, alt: 'image' }))
    case 'video': return el('div', { class: 'media' }, el('video', { src: payload.url, controls: '' }))
    case 'audio': return el('audio', { src: payload.url, controls: '' })
    case 'file': return el('a', { class: 'attachment-file', href: payload.url }, '📎 file')
    case 'template': break
    default: return el('div', { class: 'bubble' }, JSON.stringify(attachment))
  }
  switch (payload.template_type) {
    case 'button':
      return el('div', { class: 'template button-template' }, el('div', { class: 'text' }, payload.text),
        el('div', { class: 'buttons' }, (payload.buttons || []).map((b) => button(b, live))))
    case 'generic':
      return el('div', { class: 'carousel' }, (payload.elements || []).map((e) => card(e, payload.image_aspect_ratio, live)))
    case 'media':
      return el('div', { class: 'carousel' }, (payload.elements || []).map((e) =>
        el('div', { class: 'card' }, el('div', { class: 'image' }, e.media_type || 'media'),
          el('div', { class: 'buttons' }, (e.buttons || []).map((b) => button(b, live))))))
    case 'receipt':
      return el('div', { class: 'template receipt' },
        el('div', { class: 'text' }, `Receipt ${payload.order_number} for ${payload.recipient_name}`),
        (payload.elements || []).map((e) => el('div', { class: 'text' }, `${e.title} — ${e.price} ${payload.currency}`)),
        el('div', { class: 'text' }, `Total ${payload.summary && payload.summary.total_cost} ${payload.currency}`))
    default:
      return el('div', { class: 'bubble' }, `[${payload.template_type} template]`)
  }
}

function customerContent(body) {
  const input = body.input || {}
  if (body.action === 'postback') return el('div', { class: 'bubble' }, (body.postback && body.postback.title) || 'Get Started')
  if (body.action === 'reaction') return null
  if (input.text) return el('div', { class: 'bubble' }, input.text)
  if (input.attachment) return el('div', { class: 'bubble' }, `[${input.attachment}]`)
  return el('div', { class: 'bubble' }, body.action)
}

function renderThread(customer) {
  const thread = $('#thread')
  thread.replaceChildren()
  const items = customer.thread.filter((i) => !(i.from === 'customer' && i.body.action === 'reaction'))
  if (!items.length) {
    const greeting = ((state.profile.greeting || [])[0] || {}).text
    thread.append(el('div', { class: 'welcome' },
      el('p', {}, greeting || `Start a conversation with ${state.page_id}.`),
      state.profile.get_started ? el('button', { id: 'get-started', type: 'button', onclick: () => act('get_started') }, 'Get Started') : null))
  }
  let previous = null
  for (const item of items) {
    const mine = item.from === 'customer'
    const refused = item.status === 'refused'
    const content = mine ? customerContent(item.body) : pageContent(item.body.message, !refused)
    if (!content) continue
    const separator = daySeparator(previous, item.timestamp)
    if (separator) thread.append(separator)
    previous = item.timestamp
    if (item.reaction) {
      const bubble = content.classList.contains('bubble') ? content : content.querySelector('.bubble') || content
      bubble.append(el('span', { class: 'reaction' }, item.reaction))
    }
    // What Meta refused never reached the person: nothing in it can be tapped.
    if (refused) content.inert = true
    const time = clockTime(item.timestamp)
    const status = mine ? deliveryMark(item) : refused ? null
      : item.status === 'read' ? 'Seen' : item.status === 'delivered' ? 'Delivered' : 'Sent'
    const notDelivered = mine && item.delivery && !item.delivery.delivered
    const mark = el('div', { class: `mark${notDelivered ? ' undelivered' : ''}` }, status ? `${status} · ${time}` : time)
    let refusal = null
    if (refused && item.error) {
      const e = item.error.error
      refusal = el('div', { class: 'refusal' }, `Not sent — Meta refused it: ${e.code}${e.error_subcode ? '/' + e.error_subcode : ''} ${e.message}`)
    }
    thread.append(el('div', { class: `msg ${mine ? 'customer' : 'page'}${refused ? ' refused' : ''}${notDelivered ? ' undelivered' : ''}`, 'data-mid': item.mid },
      item.persona ? el('div', { class: 'persona' }, item.persona) : null, content, mark, refusal))
  }
  thread.scrollTop = thread.scrollHeight
  // Quick replies belong to the last message, and only while it is the last.
  const chips = $('#chips')
  chips.replaceChildren()
  const last = items[items.length - 1]
  const replies = last && last.from === 'page' && last.status !== 'refused' && last.body.message && last.body.message.quick_replies
  for (const reply of replies || []) {
    // Messenger fills the person's own email or phone number into these two.
    const own = { user_email: customer.email, user_phone_number: customer.phone }[reply.content_type]
    const text = own || reply.title
    const payload = own || reply.payload
    chips.append(el('button', { type: 'button', class: `chip${own ? ' own' : ''}`, onclick: () => act('quick_reply', { payload, text }) }, text))
  }
  $('#typing').hidden = !state.typing[customer.psid]
  // Reading is the person's act: nothing is marked read until they say so.
  const unread = items.some((i) => i.from === 'page' && (i.status === 'delivered' || i.status === 'sent'))
  $('#mark-read').disabled = !unread
}

// What became of the webhook carrying the customer's message to the host.
function deliveryMark(item) {
  const delivery = item.delivery
  if (!delivery) return 'Sending to your app'
  const redelivered = (item.body.input || {}).delivery === 'duplicate'
  if (delivery.delivered && redelivered) return 'Delivered to your app, then again (a redelivery)'
  if (delivery.delivered) return delivery.attempts > 1 ? `Delivered to your app after ${delivery.attempts} tries` : null
  const answer = delivery.status === null ? 'no answer' : `answered ${delivery.status}`
  return `Not delivered to your app (${answer}, ${delivery.attempts} ${delivery.attempts === 1 ? 'try' : 'tries'})`
}

const clockTime = (ms) => new Date(ms).toISOString().slice(11, 16)

// A separator before the first message and where a day begins or an hour passed,
// as Messenger shows them; simulated time, in UTC.
function daySeparator(previous, timestamp) {
  const day = (ms) => new Date(ms).toISOString().slice(0, 10)
  if (previous !== null && day(previous) === day(timestamp) && timestamp - previous < 3600000) return null
  const date = new Date(timestamp).toUTCString().slice(0, 16)
  return el('div', { class: 'day' }, `${date} · ${clockTime(timestamp)} UTC`)
}

function renderMenu() {
  const menu = ((state.profile.persistent_menu || [])[0] || {}).call_to_actions || []
  $('#menu-button').hidden = menu.length === 0
  const list = $('#menu')
  list.replaceChildren(...menu.map((item) => item.type === 'web_url'
    ? el('a', { class: 'menu-item', href: item.url, target: '_blank' }, item.title)
    : el('button', { type: 'button', class: 'menu-item', onclick: () => { list.hidden = true; act('postback', { payload: item.payload, title: item.title }) } }, item.title)))
}

function render() {
  if (!state) return
  if (!current) current = state.customers[0].psid
  $('#clock').textContent = new Date(state.now).toISOString().replace('T', ' ').slice(0, 16) + ' UTC (simulated)'
  $('#customers').replaceChildren(...state.customers.map((c) =>
    el('li', { class: `customer${c.psid === current ? ' active' : ''}`, 'data-psid': c.psid, onclick: () => { current = c.psid; render() } },
      `${c.first_name} ${c.last_name}`, el('small', {}, c.psid))))
  const customer = state.customers.find((c) => c.psid === current)
  $('#thread-name').textContent = `${customer.first_name} ${customer.last_name}`
  $('#thread-psid').textContent = `PSID ${customer.psid}`
  renderThread(customer)
  renderMenu()
  renderLog(state)
}

async function refresh() {
  state = await api('state')
  render()
}

$('#composer').addEventListener('submit', (event) => {
  event.preventDefault()
  const text = $('#text').value.trim()
  if (!text) return
  $('#text').value = ''
  act('text', { text })
})
for (const attach of document.querySelectorAll('.attach')) {
  attach.addEventListener('click', () => act('attachment', { attachment: attach.dataset.kind }))
}
for (const id of ['#clock-1h', '#clock-25h', '#clock-8d']) {
  $(id).addEventListener('click', (event) => api('clock', { advance_hours: Number(event.target.dataset.hours) }))
}
$('#menu-button').addEventListener('click', () => { $('#menu').hidden = !$('#menu').hidden })
$('#revoked').addEventListener('change', (event) => api('token', { revoked: event.target.checked }))
$('#rate-limit').addEventListener('click', () => api('rate_limit', {}))
$('#mark-read').addEventListener('click', () => api(`customers/${current}/read`, {}))
watchLogFilters(render)

let pending = null
const events = new EventSource('/sandbox/api/stream')
events.onmessage = () => {
  // Changes come in bursts (a send, its echo, its delivery): render once per burst.
  clearTimeout(pending)
  pending = setTimeout(refresh, 30)
}
refresh()
