import { describe, expect, it } from 'vitest';
import { api } from '../support/stack';

describe('the local API server', () => {
  it('answers GET /health with 200 {status: "ok"}', async () => {
    const response = await api('/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers an unknown path with 404 in the error shape', async () => {
    const response = await api('/no/such/route');

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({ success: false, error: expect.any(String), code: 'NOT_FOUND' });
  });

  it('answers a known path with the wrong method with 405 and the allowed methods', async () => {
    const response = await api('/health', { method: 'DELETE' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(response.body).toMatchObject({ success: false, code: 'METHOD_NOT_ALLOWED' });
  });

  it('answers a CORS preflight with 204, the app origin and the path\'s methods', async () => {
    const response = await api('/auth/login', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/);
  });

  it('refuses a body over 256 KB with 413 in the error shape', async () => {
    const response = await api('/auth/login', { method: 'POST', json: { email: 'a@example.com', password: 'x'.repeat(300 * 1024) } });

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ success: false, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('delivers the 413 to a client still sending a 2 MB body', async () => {
    const response = await api('/auth/login', { method: 'POST', json: { padding: 'x'.repeat(2 * 1024 * 1024) } });

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
