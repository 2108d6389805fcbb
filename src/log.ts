// The structured logger (pino, one JSON event per line). Secrets are redacted by path wherever they could
// appear, as a second line of defence: code never logs them on purpose.
import pino, { type Logger } from 'pino';
import SonicBoom from 'sonic-boom';

export const redactedPaths = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'passwordProfile',
  '*.passwordProfile',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'accessToken',
  '*.accessToken',
  'token',
  '*.token',
  'clientSecret',
  '*.clientSecret',
  'appPassword',
  '*.appPassword',
  'MicrosoftAppPassword',
  'AZURE_CLIENT_SECRET',
  'cardSigningSecret',
  '*.cardSigningSecret',
  'cardSigningKey',
  '*.cardSigningKey',
  'CARD_SIGNING_SECRET',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: 'unblock-assistant',
      level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/** The app's own log on stdout, and how to finish it when the process stops. */
export interface ProcessLog {
  logger: Logger;
  /** Writes what is still buffered, waiting at most `timeoutMs`; never blocks on a stuck or closed stdout. */
  close(timeoutMs: number): Promise<void>;
}

/**
 * Logs to stdout through an asynchronous SonicBoom that this file owns, rather than pino's default one: that
 * one flushes synchronously on exit and, once stdout is a closed pipe (EPIPE: a log shipper that died,
 * `npm start | head`), retries that write for ever, so the process never exits. Here a write error stops
 * logging and nothing else: the app keeps serving and stops when told.
 */
export function createProcessLogger(level: string): ProcessLog {
  const destination = new SonicBoom({ fd: 1, sync: false, minLength: 0 });
  let failed = false;
  destination.on('error', () => {
    failed = true;
    // Nowhere left to write: later lines are dropped instead of queued for a pipe nobody reads.
    destination.write = () => true;
  });
  return {
    logger: createLogger(level, destination),
    async close(timeoutMs) {
      if (failed) return;
      const ended = new Promise<void>((resolve) => {
        destination.once('close', () => resolve());
        destination.once('error', () => resolve());
      });
      destination.end();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([ended, deadline]);
      clearTimeout(timer);
    },
  };
}
