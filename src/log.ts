// The structured logger (pino, one JSON event per line). Secrets are redacted by path wherever they could
// appear, as a second line of defence: code never logs them on purpose.
import pino, { type Logger } from 'pino';

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
