// The chat page: plain JavaScript, no build step. It calls the application's /api endpoints only; the namespace
// and the Interactor token stay on the server.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  let room = null;
  let roomEvents = null;
  const replies = new Map(); // message id -> element being streamed

  function showError(text) {
    $('error').textContent = text;
    $('error').hidden = false;
  }

  async function api(method, path, body) {
    const response = await fetch('/api' + path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(json.message || json.error || ('HTTP ' + response.status));
    }
    $('error').hidden = true;
    return json;
  }

  async function loadAssistants(selectId) {
    const assistants = await api('GET', '/assistants');
    const select = $('assistant');
    select.replaceChildren(...assistants.map((assistant) => new Option(assistant.name || assistant.id, assistant.id)));
    if (selectId) {
      select.value = selectId;
    }
  }

  function addMessage(role, text, id) {
    const item = document.createElement('li');
    item.className = 'message ' + role;
    item.textContent = text;
    if (id) {
      item.dataset.messageId = id;
    }
    $('messages').appendChild(item);
    item.scrollIntoView({ block: 'end' });
    return item;
  }

  function reply(messageId) {
    let item = replies.get(messageId);
    if (!item) {
      item = addMessage('assistant streaming', '', messageId);
      replies.set(messageId, item);
    }
    return item;
  }

  async function openRoom() {
    const assistantId = $('assistant').value;
    if (!assistantId) {
      showError('Create an assistant first.');
      return;
    }
    room = await api('POST', '/rooms', { assistantId: assistantId });
    if (roomEvents) {
      roomEvents.close();
    }
    replies.clear();
    $('messages').replaceChildren();
    $('room-status').textContent = 'Room ' + room.id + ' with ' + $('assistant').selectedOptions[0].text + '.';
    // EventSource reconnects by itself and sends Last-Event-ID: the application resumes the room's stream there.
    roomEvents = new EventSource('/api/rooms/' + encodeURIComponent(room.id) + '/events');
    roomEvents.addEventListener('message.delta', (event) => {
      const data = JSON.parse(event.data);
      const item = reply(data.message_id);
      item.textContent += data.content || '';
      item.scrollIntoView({ block: 'end' });
    });
    roomEvents.addEventListener('message.complete', (event) => {
      const data = JSON.parse(event.data);
      const message = data.message || {};
      const item = reply(message.id);
      if (message.content) {
        item.textContent = message.content;
      }
      item.classList.remove('streaming');
      item.dataset.complete = 'true';
    });
    for (const type of ['tool_call', 'tool_call.pending', 'status', 'room.status']) {
      roomEvents.addEventListener(type, (event) => addMessage('event', type + ': ' + event.data));
    }
    roomEvents.addEventListener('error', (event) => {
      if (event.data) {
        addMessage('event', 'stream error: ' + event.data);
      }
    });
    $('message').disabled = false;
    $('send').disabled = false;
    $('message').focus();
  }

  async function send(event) {
    event.preventDefault();
    const content = $('message').value.trim();
    if (!content || !room) {
      return;
    }
    $('message').value = '';
    addMessage('user', content);
    await api('POST', '/rooms/' + encodeURIComponent(room.id) + '/messages', { content: content });
  }

  async function createAssistant(event) {
    event.preventDefault();
    const name = $('new-assistant-name').value.trim();
    if (!name) {
      return;
    }
    const assistant = await api('POST', '/assistants', { name: name });
    $('new-assistant-name').value = '';
    await loadAssistants(assistant.id);
  }

  function watchDeliveries() {
    const deliveries = new EventSource('/api/webhook-deliveries');
    deliveries.addEventListener('delivery', (event) => {
      const delivery = JSON.parse(event.data);
      const row = document.createElement('tr');
      row.className = 'delivery';
      const cells = [new Date(delivery.time).toLocaleTimeString(), delivery.type, delivery.outcome];
      cells.forEach((text, index) => {
        const cell = document.createElement('td');
        cell.textContent = text;
        if (index === 2) {
          cell.className = 'outcome-' + delivery.outcome;
        }
        row.appendChild(cell);
      });
      $('deliveries').prepend(row);
    });
  }

  const guard = (action) => (event) => action(event).catch((error) => showError(error.message));
  $('open-room').addEventListener('click', guard(openRoom));
  $('composer').addEventListener('submit', guard(send));
  $('new-assistant').addEventListener('submit', guard(createAssistant));
  watchDeliveries();
  loadAssistants().catch((error) => showError(error.message));
})();
