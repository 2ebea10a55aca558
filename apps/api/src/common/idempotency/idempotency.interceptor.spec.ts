import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import { replayableBody } from './idempotency.interceptor';

describe('replayableBody', () => {
  it('is the JSON text Fastify sends for an object or array, null for no body', () => {
    expect(replayableBody({ id: 'q1', totals: { dueFen: 100 } })).toBe(
      '{"id":"q1","totals":{"dueFen":100}}',
    );
    expect(replayableBody([1, 2])).toBe('[1,2]');
    expect(replayableBody(undefined)).toBeNull();
  });

  it('refuses what is not sent as JSON: files, streams, buffers, plain text', () => {
    expect(replayableBody(new StreamableFile(Buffer.from('x')))).toBeUndefined();
    expect(replayableBody(Readable.from(['x']))).toBeUndefined();
    expect(replayableBody(Buffer.from('x'))).toBeUndefined();
    expect(replayableBody('text')).toBeUndefined();
    expect(replayableBody(null)).toBeUndefined();
  });
});
