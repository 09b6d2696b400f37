import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../src-main/core/ids';
import { MESSAGE_ID_PREFIX } from '../../../src-main/core/limits';
import { MESSAGE_ID_PATTERN, messageIdTime, newMessageId } from '../../../src-main/core/sending/ses-headers';
import { makeEngine, simpleRequest, T0 } from './helpers';

describe('SES MessageId (ses-facts §A.6)', () => {
  it('is prefix + 12-hex acceptance ms + UUID + -000000, 60 characters', () => {
    const id = newMessageId(T0, sequentialIds());
    expect(id).toBe(`${MESSAGE_ID_PREFIX}019b76daa800-00000000-0000-4000-8000-000000000001-000000`);
    expect(id).toHaveLength(60);
    expect(id).toMatch(MESSAGE_ID_PATTERN);
    expect(messageIdTime(id)).toBe(T0);
  });

  it('embeds the time the engine accepted the message, from the injected clock', async () => {
    const { engine, clock } = makeEngine();
    clock.advance(12_345);
    const { messageId } = await engine.sending.send(simpleRequest());
    expect(messageId).toMatch(MESSAGE_ID_PATTERN);
    expect(messageIdTime(messageId)).toBe(T0 + 12_345);
    expect((await engine.messages.get(messageId))!.receivedAt).toBe(new Date(T0 + 12_345).toISOString());
  });

  it('is not mistaken for something else', () => {
    expect(messageIdTime('ses-123')).toBeNull();
  });
});
