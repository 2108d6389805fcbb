// The part of a pino logger the Azure store uses: it logs what it repaired or could not clean up.
export interface AzureLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}
