// Reading Azure Storage errors: the SDKs throw RestError with the HTTP status; the outcomes this store
// expects (a row that exists, an ETag that moved on, a pop receipt that expired) are told apart by it.

export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** 409: the entity, blob or queue already exists. */
export const isConflict = (error: unknown): boolean => statusOf(error) === 409;
/** 412: the ETag condition failed (someone else wrote first). */
export const isPreconditionFailed = (error: unknown): boolean => statusOf(error) === 412;
export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;
/**
 * A queue message we no longer hold: deleted (404) or received by someone else since, which changed its pop
 * receipt (400 PopReceiptMismatch).
 */
export const isLostMessage = (error: unknown): boolean => statusOf(error) === 404 || statusOf(error) === 400;

/** Runs a clean-up step whose failure changes nothing for the caller (it is repaired later); logs it. */
export async function bestEffort(
  step: () => Promise<unknown>,
  onError: (error: unknown) => void,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    onError(error);
  }
}
