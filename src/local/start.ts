import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { config, localStackConfig, provideAppEnvironment } from '../config';
import { setLogLevel } from '../http/logger';
import { LocalStackError } from './errors';
import { localAppSecret } from './app-secret';
import { runningEarlierStack } from './earlier-stack';
import { writeManifest } from './manifest';
import { assertPortsFree } from './ports';
import { exitAfterStoppingChildren, isStopping, stopChildrenWhenProcessEnds } from './process-group';
import { localServices, logFileFor, otherPorts } from './services';
import { prepareWebApp } from './web-app-build';
import { startWebServer } from './web-server';

/**
 * `npm start`: the emulators, the table and user pool in them, then the API
 * on top, all on this machine. Prints one line when ready; Ctrl-C stops it
 * all. Emulator output goes to `<LOCAL_DATA_DIR>/logs/`.
 */
function report(error: unknown): void {
  if (error instanceof LocalStackError) {
    console.error(`DevInsights could not start. ${error.message}`);
    if (error.details) console.error(error.details);
  } else {
    console.error('DevInsights stopped on an unexpected error:', error);
  }
}

function required(environment: Record<string, string>, name: string): string {
  const value = environment[name];
  if (!value) throw new Error(`No local service provided ${name}`);
  return value;
}

function readSettings() {
  try {
    return localStackConfig();
  } catch (error) {
    throw new LocalStackError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  stopChildrenWhenProcessEnds(report);
  // The SDK's notice that it will drop Node 20 in 2027 would be the first thing on every start's console.
  provideAppEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const settings = readSettings();
  const dataDir = resolve(settings.LOCAL_DATA_DIR);
  const services = localServices(settings);
  await assertPortsFree([...otherPorts(settings), ...services.map((service) => service.port)]).catch(async (error: unknown) => {
    const earlier = await runningEarlierStack(dataDir);
    if (!earlier) throw error;
    throw new LocalStackError(
      `An earlier DevInsights stack (pid ${earlier.pid}, API ${earlier.apiUrl}) is still running on ${dataDir} and holds its ports: ` +
        `stop it with \`kill ${earlier.pid}\` (or Ctrl-C in its terminal), or give this one its own LOCAL_DATA_DIR and ports.`,
    );
  });
  await mkdir(join(dataDir, 'logs'), { recursive: true });

  const webProject = { root: resolve(settings.WEB_APP_DIR), distDir: resolve(settings.WEB_APP_DIR, 'dist') };
  const [started, servesWebApp] = await Promise.all([
    Promise.all(
      services.map((service) =>
        service.start({ dataDir, logFile: logFileFor(dataDir, service), region: settings.AWS_REGION, tableName: settings.TABLE_NAME }),
      ),
    ),
    prepareWebApp(webProject, (line) => console.log(line)),
  ]);
  if (!servesWebApp) console.log(`No web app in ${settings.WEB_APP_DIR}/ (no vite.config.ts, no dist/): serving the API only.`);
  const webUrl = servesWebApp ? `http://localhost:${settings.WEB_PORT}` : undefined;
  const environment: Record<string, string> = {
    TABLE_NAME: settings.TABLE_NAME,
    AWS_REGION: settings.AWS_REGION,
    // Emails link into the web app, and CORS lets exactly that origin call the API.
    APP_URL: settings.APP_URL ?? webUrl ?? `http://localhost:${settings.PORT}`,
    APP_SECRET: await localAppSecret(dataDir),
    // No EventBridge Scheduler emulator exists: the organizations' daily schedules are kept here and fired by this process.
    LOCAL_SCHEDULES_FILE: join(dataDir, 'schedules.json'),
    ...(settings.MAIL_FROM ? { MAIL_FROM: settings.MAIL_FROM } : {}),
    ...(settings.LOG_LEVEL ? { LOG_LEVEL: settings.LOG_LEVEL } : {}),
    ...Object.assign({}, ...started.map((service) => service.environment)),
  };
  provideAppEnvironment(environment);
  setLogLevel(config().logLevel);

  // Loaded only now, so that every module behind it reads the environment just provided.
  const [{ startApiServer }, { startJobRunner }, { startQueueRunner }, { startScheduleRunner }, { jobs }] = await Promise.all([
    import('./http-server'),
    import('./job-runner'),
    import('./queue-runner'),
    import('./schedule-runner'),
    import('../jobs'),
  ]);
  // The queue jobs of src/jobs.ts, each with a consumer on its queue; Ctrl-C ends them with the process.
  const sqsEndpoint = required(environment, 'SQS_ENDPOINT');
  const queueRunner = await startQueueRunner(jobs, { endpoint: sqsEndpoint, region: settings.AWS_REGION });
  const restarted = await (await import('./interrupted-syncs')).restartInterruptedSyncs();
  if (restarted > 0) console.log(`Restarted ${restarted} GitHub ${restarted === 1 ? 'sync' : 'syncs'} cut off when the stack last stopped.`);
  const scheduleRunner = startScheduleRunner({ file: required(environment, 'LOCAL_SCHEDULES_FILE'), jobs });
  process.once('exit', () => scheduleRunner.stop());
  const api = await startApiServer({
    port: settings.PORT,
    jobControls: settings.LOCAL_JOB_CONTROLS === 'true',
    queueCounts: () => queueRunner.counts(),
    schedules: scheduleRunner,
  });
  const web = servesWebApp ? await startWebServer({ port: settings.WEB_PORT, distDir: webProject.distDir, apiUrl: api.url }) : undefined;
  // The scheduled jobs of src/jobs.ts, each on its interval; their timers never hold the process open.
  const jobRunner = startJobRunner(jobs);
  process.once('exit', () => jobRunner.stop());

  const cognitoEndpoint = required(environment, 'COGNITO_ENDPOINT');
  const userPoolId = required(environment, 'USER_POOL_ID');
  const sesEndpoint = required(environment, 'SES_ENDPOINT');
  await writeManifest(dataDir, {
    apiUrl: api.url,
    ...(web ? { webUrl: web.url } : {}),
    dynamodbEndpoint: required(environment, 'DYNAMODB_ENDPOINT'),
    cognitoEndpoint,
    sesEndpoint,
    sesInboxUrl: `${sesEndpoint}/store`,
    sqsEndpoint,
    userPoolId,
    userPoolClientId: required(environment, 'USER_POOL_CLIENT_ID'),
    issuer: `${cognitoEndpoint}/${userPoolId}`,
    tableName: settings.TABLE_NAME,
    region: settings.AWS_REGION,
    dataDir,
    pid: process.pid,
  });

  const seconds = (performance.now() / 1000).toFixed(1);
  const app = web ? `App ${web.url} · ` : '';
  console.log(`DevInsights ready in ${seconds}s — ${app}API ${api.url} · ${started.map((service) => service.banner).join(' · ')}`);
}

main().catch(async (error: unknown) => {
  // Stopping on Ctrl-C makes a half-started emulator fail; that is not worth reporting.
  if (!isStopping()) report(error);
  await exitAfterStoppingChildren(1);
});
