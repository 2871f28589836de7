/** The part of a pino logger the SFTP server uses (pino's Logger satisfies it). */
export interface GatewayLogger {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}
