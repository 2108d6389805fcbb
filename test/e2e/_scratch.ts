import { PLAYGROUND_PEOPLE } from '../../scripts/playground.js';
import { startE2e } from './harness.js';
import WebSocket from 'ws';

async function main() {
  const s = await startE2e();
  const base = s.playgroundUrl;
  const ws = new WebSocket(`${base.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
  ws.on('message', (d) => console.log('WS', d.toString().slice(0, 600)));
  await new Promise((r) => ws.once('open', r));
  const patti = PLAYGROUND_PEOPLE.approver;
  const post = async (p: string, body: unknown) => {
    const res = await fetch(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    console.log('POST', p, res.status, text.slice(0, 1500));
    return text ? JSON.parse(text) : undefined;
  };
  const conv = await post('/_connector/v3/conversations', { isGroup: false, members: [{ id: patti.id }], bot: { id: '28:unblock-assistant' }, tenantId: 'x' });
  const t = await fetch(`${base}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conv.id)}&type=message`);
  const tmpl = await t.json();
  console.log('TEMPLATE', t.status, JSON.stringify(tmpl));
  await post('/_internal/v1/customActivities', { ...tmpl, text: 'help', from: { id: patti.id, aadObjectId: patti.aadObjectId, name: patti.name } });
  await new Promise((r) => setTimeout(r, 3000));
  await s.page.screenshot('scratch');
  console.log(s.botOutput().split('\n').filter(l => l.includes('"level"')).slice(-10).join('\n'));
  ws.close();
  await s.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
