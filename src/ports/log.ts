// Logger port. Never pass secrets: log lines end up in Cloud Logging.

export interface LogPort {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
