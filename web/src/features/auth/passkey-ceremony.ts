// The browser's side of the passkey ceremonies: ask the node for a challenge, let the browser talk
// to the authenticator (@simplewebauthn/browser), and hand the answer back. A refusal by the
// browser or the device becomes a PasskeyBrowserError whose text the pages show in both languages.
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { answer, http } from '../../api/client';
import type { JsonBody } from '../../api/types';

/** A passkey's answer to a challenge, as the sign-in and removal routes take it. */
export type PasskeyAssertion = NonNullable<JsonBody<'/api/auth/passkeys/login', 'post'>['response']>;

export type PasskeyTrouble = 'cancelled' | 'unsupported' | 'other';

export class PasskeyBrowserError extends Error {
  constructor(
    readonly trouble: PasskeyTrouble,
    message: string,
  ) {
    super(message);
  }
}

function asBrowserError(e: unknown): PasskeyBrowserError {
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'NotAllowedError' || name === 'AbortError') return new PasskeyBrowserError('cancelled', message);
  if (name === 'SecurityError' || name === 'NotSupportedError') return new PasskeyBrowserError('unsupported', message);
  return new PasskeyBrowserError('other', message);
}

function assertSupported(): void {
  if (!browserSupportsWebAuthn()) throw new PasskeyBrowserError('unsupported', 'WebAuthn is not available');
}

/** An answer of one of the browser's passkeys for this node, to a challenge of `purpose`. */
export async function passkeyAssertion(purpose: 'login' | 'second_factor' | 'confirm'): Promise<PasskeyAssertion> {
  assertSupported();
  const options =
    purpose === 'confirm'
      ? await answer(http.POST('/api/auth/passkeys/confirm-options'))
      : await answer(http.POST('/api/auth/passkeys/challenge', { body: { purpose } }));
  let response;
  try {
    response = await startAuthentication({ optionsJSON: options });
  } catch (e) {
    throw asBrowserError(e);
  }
  // The extension outputs as the plain record the routes take.
  return { ...response, clientExtensionResults: { ...response.clientExtensionResults } };
}

/** Creates a passkey on this device for the signed-in user and registers it under `name`. */
export async function addPasskey(name: string): Promise<void> {
  assertSupported();
  const options = await answer(http.POST('/api/auth/passkeys/registration-options'));
  let response;
  try {
    response = await startRegistration({ optionsJSON: options });
  } catch (e) {
    throw asBrowserError(e);
  }
  const body = { name, response: { ...response, clientExtensionResults: { ...response.clientExtensionResults } } };
  await answer(http.POST('/api/auth/passkeys', { body }));
}
