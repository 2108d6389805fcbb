// A Stryker ignore-plugin: no mutants in log calls (`….logger.info(…)`, `logger.warn(…)` …), in blocks that
// hold nothing but log calls, or in the condition of an `if` that only decides whether to log (no `else`, and
// no call in the condition, so skipping or forcing the log cannot skip or repeat anything else). What a log line says is for operators, not a rule; the rule about logs
// (no secret ever reaches them) is checked on the real output by test/integration/security/secrets.test.ts.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const levels = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

function isLogCall(node) {
  if (node?.type !== 'ExpressionStatement') return false;
  const call = node.expression.type === 'AwaitExpression' ? node.expression.argument : node.expression;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return false;
  const { object, property } = call.callee;
  const receiver = object.type === 'MemberExpression' ? object.property : object;
  return receiver?.type === 'Identifier' && receiver.name === 'logger' && levels.has(property?.name);
}

function onlyLogs(statement) {
  if (isLogCall(statement)) return true;
  return statement?.type === 'BlockStatement' && statement.body.length > 0 && statement.body.every(isLogCall);
}

function hasCall(path) {
  if (path.isCallExpression() || path.isNewExpression()) return true;
  let found = false;
  path.traverse({
    CallExpression(inner) {
      found = true;
      inner.stop();
    },
    NewExpression(inner) {
      found = true;
      inner.stop();
    },
  });
  return found;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'logging', {
    shouldIgnore(path) {
      if (isLogCall(path.node))
        return 'A log line is for operators, not a rule (secrets.test.ts checks logs).';
      if (path.isBlockStatement() && path.node.body.length > 0 && path.node.body.every(isLogCall)) {
        return 'This block only logs: what a log line says is for operators, not a rule.';
      }
      if (path.isIfStatement() && !path.node.alternate && onlyLogs(path.node.consequent)) {
        if (!hasCall(path.get('test'))) return 'This condition only decides whether to log.';
      }
      return undefined;
    },
  }),
];
