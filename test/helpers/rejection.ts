// Awaits a promise that must reject and returns the error, typed as an AWS SDK / nodemailer error.
// Fails the test when the promise resolves instead.
export interface PeerError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
  responseCode?: number;
  response?: string;
}

export async function rejection(p: Promise<unknown>): Promise<PeerError> {
  try {
    await p;
  } catch (e) {
    return e as PeerError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
