import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { RuntimeFiles } from '../../src/routes';

/** The repository root: handlers, package-lock.json and tsconfig.json live here. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Settings every route's Lambda reads through `src/config.ts`. */
export interface RouteFunctionSettings {
  /** Sender of every email the product sends (MAIL_FROM). */
  readonly mailFrom: string;
  /** Origin of the web app, used in links inside emails (APP_URL). */
  readonly appUrl: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * Extra variables for the integrations (GITHUB_API_URL, AI_BASE_URL,
   * AI_MODEL), set only when configured. Never a secret: those are read at
   * run time, by the functions granted them (`lib/constructs/app-secrets.ts`).
   */
  readonly integrations?: Readonly<Record<string, string>>;
}

export interface RouteFunctionProps {
  /** Module under `src/<folder>/` without extension, e.g. `auth/signup`; it exports `handler`. */
  readonly handlerModule: string;
  /** `handlers` for a route (the default), `workers` for a job of `src/jobs.ts`. */
  readonly folder?: HandlerFolder;
  /** Default 20 s, inside API Gateway's 29; a job sets its own. */
  readonly timeout?: Duration;
  readonly description: string;
  readonly settings: RouteFunctionSettings;
  /** Variables on top of the settings, e.g. ids every route needs. */
  readonly environment?: Readonly<Record<string, string>>;
  /** Libraries whose files must sit beside the bundle (see `RouteDefinition.runtimeFiles`). */
  readonly runtimeFiles?: readonly RuntimeFiles[];
}

/**
 * pdfkit reads its standard fonts (through its package.json `imports`) and
 * its colour profile (relative to `import.meta.url`) from files at run time,
 * which esbuild cannot inline. They are copied beside the bundle, with a
 * package.json that maps the `#standard-fonts/*` imports, and
 * `import.meta.url` is pointed at the bundle itself.
 */
function pdfkitFiles(): Pick<BundlingOptions, 'define' | 'banner' | 'commandHooks' | 'esbuildArgs'> {
  const pdfkit = join(REPO_ROOT, 'node_modules', 'pdfkit', 'js');
  return {
    define: { 'import.meta.url': '__bundleUrl' },
    // Only the PDF standard fonts are used: fontkit (and its brotli) would add 700 KB for nothing.
    esbuildArgs: { '--alias:fontkit': join(REPO_ROOT, 'src', 'integrations', 'pdf', 'no-embedded-fonts.ts') },
    banner: 'const __bundleUrl=require("url").pathToFileURL(__filename).href;',
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir: string, outputDir: string) => [
        `cp -r "${join(pdfkit, 'data')}" "${join(pdfkit, 'standard-fonts')}" "${outputDir}/"`,
        `echo '{"imports":{"#standard-fonts/*":"./standard-fonts/*.cjs"}}' > "${outputDir}/package.json"`,
      ],
    },
  };
}

/** `auth/resend-verification` → `AuthResendVerification`: a stable construct id per handler. */
export function constructIdFor(handlerModule: string): string {
  return handlerModule
    .split(/[/\-_.]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export type HandlerFolder = 'handlers' | 'workers';

export function handlerEntryFor(handlerModule: string, folder: HandlerFolder = 'handlers'): string {
  return join(REPO_ROOT, 'src', folder, `${handlerModule}.ts`);
}

/**
 * One route's (or one job's) Lambda with the defaults every function shares,
 * so an entry in the route or job table becomes a function without anyone
 * repeating runtime, bundling or logging choices.
 */
export class RouteFunction extends NodejsFunction {
  readonly handlerModule: string;

  constructor(scope: Construct, props: RouteFunctionProps) {
    const id = constructIdFor(props.handlerModule);
    const entry = handlerEntryFor(props.handlerModule, props.folder);
    // NodejsFunction's own message names only the path; this one names the route table entry at fault.
    if (!existsSync(entry)) {
      throw new Error(`Handler '${props.handlerModule}' has no entry file at ${entry}`);
    }
    super(scope, id, {
      entry,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      description: props.description.slice(0, 256),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      // API Gateway gives up at 29 s: a function still running then bills for an answer nobody
      // receives. A timed-out function reaches the client as the DEFAULT_5XX INTERNAL body.
      timeout: props.timeout ?? Duration.seconds(20),
      tracing: Tracing.ACTIVE,
      // Created here, not by Lambda on first invoke, so retention is set and no
      // log-retention helper function is added to the stack.
      logGroup: new LogGroup(scope, `${id}Logs`, {
        retention: RetentionDays.ONE_MONTH,
        // Logs expire after a month anyway; deleting the stack should not leave them behind.
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: {
        MAIL_FROM: props.settings.mailFrom,
        APP_URL: props.settings.appUrl,
        LOG_LEVEL: props.settings.logLevel,
        METRICS_ENABLED: 'true',
        ...props.settings.integrations,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        // Stack traces need only the line mappings; embedding the sources would double the asset.
        sourcesContent: false,
        target: 'node22',
        format: OutputFormat.CJS,
        // The Lambda runtime ships AWS SDK v3, so it stays out of every bundle.
        externalModules: ['@aws-sdk/*'],
        // esbuild's per-bundle size lines would drown `cdk synth --quiet`; problems still show.
        logLevel: LogLevel.WARNING,
        ...(props.runtimeFiles?.includes('pdfkit') ? pdfkitFiles() : {}),
      },
    });
    this.handlerModule = props.handlerModule;
  }
}
