import type { FieldIssue, Locale } from '@factoryspace/domain';

/** A message in every supported locale. */
export type LocalizedText = Record<Locale, string>;

/**
 * The one exception type the API throws on purpose. The global filter turns it into
 * `{ code, message, details? }` with `status`, choosing the message by Accept-Language.
 * Each module declares its codes and messages in `<feature>.errors.ts`.
 */
export class AppException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly details?: FieldIssue[] | Record<string, unknown>,
  ) {
    super(text.en);
    this.name = 'AppException';
  }
}
