import { createTestApp, type TestApp } from '../utils/create-test-app';

describe('foundation (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports health with the database up', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers unknown API routes with a JSON 404 in Chinese by default', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
  });

  it('switches the message language with Accept-Language', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/no-such-thing',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(res.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'The requested resource does not exist',
    });
  });

  it('echoes a sane x-request-id and replaces a hostile one', async () => {
    const echoed = await t.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id\u0007<script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await t.inject({ method: 'GET', url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a malformed JSON body with 400 INVALID_JSON', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/anything',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_JSON' });
  });

  it('refuses a body above 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/anything',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is too large',
    });
  });

  it('serves the OpenAPI document outside /api/v1', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.info.title).toBe('FactorySpace API');
    expect(doc.paths['/api/health'].get.operationId).toBe('getHealth');
  });

  it('answers 503 DATABASE_DOWN when the database does not answer', async () => {
    const spy = jest
      .spyOn(t.dataSource, 'query')
      .mockRejectedValueOnce(new Error('connection refused'));
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    spy.mockRestore();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'DATABASE_DOWN' });
  });
});
