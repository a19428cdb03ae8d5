/** The browser's part of the manifest flow: open the register script's page, submit its form to "GitHub", and say where GitHub sends it back. */
const unescapeHtml = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export async function submitRegistrationPage(pageUrl: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text();
  const action = unescapeHtml(/<form[^>]* action="([^"]+)"/.exec(html)?.[1] ?? '');
  const manifest = unescapeHtml(/name="manifest" value="([^"]*)"/.exec(html)?.[1] ?? '');
  const response = await fetch(action, { method: 'POST', body: new URLSearchParams({ manifest }), redirect: 'manual' });
  if (response.status !== 302) throw new Error(`GitHub's registration page answered ${response.status}: ${await response.text()}`);
  return response.headers.get('location') ?? '';
}
