/** Where the API is: read once from `/config.json`, written beside the app by `npm start` and by the CDK deployment. */
export interface AppConfig {
  readonly apiUrl: string;
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The app's configuration could not be read (${response.status})`);
  const { apiUrl } = (await response.json()) as { apiUrl?: unknown };
  if (typeof apiUrl !== 'string' || apiUrl === '') throw new Error("The app's configuration names no API");
  return { apiUrl: apiUrl.replace(/\/+$/, '') };
}
