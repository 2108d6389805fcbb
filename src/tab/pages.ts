// /privacy and /terms: the pages the Teams app package links to (developer.privacyUrl and termsOfUseUrl).
// They say what the bot stores about people, where, and for how long, as the code does it: requests and
// the audit trail in the store until an administrator deletes them, never passwords or sign-in tokens.
import { createHash } from 'node:crypto';
import { contentSecurityPolicy, PAGE_HEADERS } from './csp.js';
import type { TabReply } from './routes.js';

const STYLE = `body{font:16px/1.5 "Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#242424;background:#fff}
h1{font-size:1.75rem}h2{font-size:1.25rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #d1d1d1;padding:.5rem .5rem .5rem 0}
@media (prefers-color-scheme:dark){body{color:#fff;background:#1f1f1f}th,td{border-color:#5c5c5c}a{color:#8fc1ff}}
@media (forced-colors:active){body{color:CanvasText;background:Canvas}}`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Unblock assistant</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const PRIVACY = page(
  'Privacy',
  `<h1>Unblock assistant: privacy</h1>
<p>Unblock assistant is a Microsoft Teams app your organization runs for its IT helpdesk. It helps the
helpdesk unblock Microsoft 365 users who were restricted from sending email, with an approver's agreement
in Teams. Your organization operates it and decides who may use it; questions about your data go to your IT
department.</p>

<h2>What it stores</h2>
<table>
<thead><tr><th scope="col">What</th><th scope="col">Why</th><th scope="col">How long</th></tr></thead>
<tbody>
<tr><td><strong>Unblock requests</strong>: the blocked user's name, user name, email address and directory id;
the Restricted entities entry (reason and time); whether the password was reset (never the password);
what the compromise checks found (mail forwarding, suspicious inbox rules, whether sign-in sessions were
revoked); who asked, who decided, their comment, and the times of each step.</td>
<td>To run the request, show it to approvers, and answer "where does it stand?"</td>
<td>Until an administrator deletes them. This version deletes no request on its own.</td></tr>
<tr><td><strong>Audit trail</strong>: one entry per step and per decision: who (name and directory id), when, in
which Teams conversation, and what happened.</td>
<td>Evidence of who unblocked whom; it cannot be changed once written.</td>
<td>Until an administrator deletes it, like the requests.</td></tr>
<tr><td><strong>Teams conversation references</strong> of people who chatted with the bot and of the approvals
channel, and the ids of the cards it sent.</td>
<td>To tell the helpdesk and approvers when a request changes, and to update every card it sent.</td>
<td>Until an administrator deletes them; a person's reference is replaced when they chat again.</td></tr>
<tr><td><strong>Conversation state</strong>: which step of the runbook a conversation is at.</td>
<td>To continue the runbook where you left it.</td>
<td>Replaced at every step; it holds no password.</td></tr>
<tr><td><strong>Background jobs</strong>: the request id and what to do (unblock, notify, check).</td>
<td>To do the work exactly once, even after a restart.</td>
<td>Until an administrator deletes them.</td></tr>
</tbody>
</table>

<h2>What it never stores</h2>
<p>Temporary passwords (shown once, to the agent who asked, and then forgotten), sign-in tokens, and the
content of anyone's mailbox. It reads Microsoft 365 (users, the Restricted entities list, mail forwarding,
inbox rules, message trace) when a step needs it and keeps only what the table above lists.</p>

<h2>Where</h2>
<p>In the store your organization configured for it: a database file on the server that runs the bot (or
your organization's Azure Storage account). Its logs go where the server's logs go, never with passwords or
tokens in them; how long they are kept is your hosting's setting.</p>

<h2>The Requests tab</h2>
<p>The tab signs you in with Teams single sign-on. It shows approvers every request and everyone else the
requests they started, and records decisions taken in it in the audit trail like decisions on cards. It
keeps nothing in your browser beyond the page itself.</p>
`,
);

const TERMS = page(
  'Terms of use',
  `<h1>Unblock assistant: terms of use</h1>
<p>Unblock assistant is provided by your organization's IT department for its own staff. By using it you
agree to these terms and to your organization's IT policies.</p>
<ul>
<li>Use it only for your work on your organization's Microsoft 365 accounts, and only as your role allows:
the helpdesk starts requests, approvers decide them.</li>
<li>What you do in it is recorded with your name (see <a href="/privacy">Privacy</a>) and can be reviewed.</li>
<li>Approve an unblock only when the account is secured: a compromised account that is unblocked sends spam
again and is blocked again.</li>
<li>Give temporary passwords to users by phone or in person, never by email.</li>
<li>It acts on Microsoft 365 with the permissions your organization granted it. Microsoft decides when a
user can send again (usually within an hour, at most 24 hours) and may refuse an unblock.</li>
<li>It is provided as is, without warranty; report problems to your IT department.</li>
</ul>
`,
);

function staticPage(html: string): TabReply {
  return {
    status: 200,
    raw: html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'content-security-policy': contentSecurityPolicy({ styleHashes: [STYLE_HASH], frameAncestors: [] }),
      ...PAGE_HEADERS,
    },
  };
}

export function privacyPage(): TabReply {
  return staticPage(PRIVACY);
}

export function termsPage(): TabReply {
  return staticPage(TERMS);
}
