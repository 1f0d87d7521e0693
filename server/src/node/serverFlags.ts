/**
 * The Node flags and environment an editor starts the language server with (VS Code through the extension; the
 * README gives the command line for other clients). V8 and glibc read them when the process starts, so they cannot
 * be set at run time as `heapTuning.ts` sets its own.
 *
 * Helper threads. V8 compiles hot code with TurboFan and does part of its garbage collection on a pool of helper
 * threads: four in Node by default, however many cores the machine has. Opening a large page makes much of the
 * reader and the rules hot at once, and the compile jobs then run on up to four threads beside the server's main
 * thread. On two cores the main thread waited for a core for 29 ms of a 43 ms first reading of 1 MB (it ran 20 ms;
 * the helpers ran 74 ms). The pool is therefore one thread fewer than the machine's cores, at least one and at
 * most Node's four: the main thread keeps a core of its own and the editor another.
 *
 * Young generation. Each keystroke leaves the objects of its answers alive until the next one, and the model,
 * findings and kept answers of the edited article for longer; V8 lets the young generation's semi-space grow to
 * 16 MB, so a scavenge came every few keystrokes and copied several keystrokes' survivors at once: 6 and 10 ms
 * pauses, the slowest keystrokes on 1 MB. With semi-spaces of `SEMI_SPACE_MB` the scavenges come more often and
 * copy less, and the server's resident memory holds 24 MB less of young generation.
 *
 * Collections. `--expose-gc` gives the server V8's `gc`, which it calls once after a large document closes
 * (`LargeTextCollections` in `heapTuning.ts`); nothing else calls it.
 *
 * Type feedback from the first call. V8 gives a function the vector in which it records the types it meets only
 * after the function has run a few times; until then nothing is recorded, and TurboFan compiles what becomes hot
 * from what little was. Much of what a keystroke runs (the incremental model, one article's rules, comparing the
 * diagnostics with the last report) runs once or twice a keystroke, so in a page just opened those functions were
 * still gathering feedback, were compiled on V8's helper thread while the next keystrokes came, and were thrown away
 * where a branch met for the first time had recorded nothing ("insufficient type feedback"). With
 * `--no-lazy-feedback-allocation` every function records from its first call. Warmed servers opening 1 MB and
 * typing 35 keystrokes (the bench's sequence), alternately: keystroke → diagnostics median p95 2.74 ms against 4.48
 * (eight servers each), then 3.18 against 4.01 (ten each); the open → outline was unchanged (medians of ten, 42.3 ms
 * against 42.7, main thread 25.0 against 26.5).
 *
 * Memory outside the heap. Messages arrive as buffers that glibc's malloc allocates. It maps a block at or above a
 * threshold (128 KiB by default) on its own and unmaps it when it is freed, but it also raises that threshold to
 * the size of each such block freed, up to 32 MiB: after the first 10 MB message every later buffer up to that size
 * came from the heap of malloc, which gives memory back to the system only from its top, so the next large page's
 * message and the pieces of every message after it stayed resident (opening 10 MB, closing it, opening it again and
 * typing: 131 MB at the peak, 115 with the threshold held). `GLIBC_TUNABLES` holds the threshold at 1 MiB, and the
 * free memory malloc keeps at the top of a heap (below it, it gives back what is freed) at 1 MiB as well. It was
 * held at glibc's own 128 KiB until the twentieth round; then every block from 128 KiB to a megabyte (the UTF-16
 * that decoding a page's text makes, V8's compiler's memory on its helper thread) was mapped anew and faulted in
 * page by page (10.5 µs a page on the machine of the README's tables) each time. Warmed servers opening 1 MB (ten
 * each, alternately): 334 pages faulted in against 709, main thread 20.6 ms against 22.3; the bench's 10 MB
 * sequence peaked at 108.0–110.4 MB against 107.9–109.6 (four fresh servers each, alternately: no change beyond
 * its noise); the idle server holds 1.3 MB more. glibc (2.36) rewrites the variable where the process's environment
 * holds it as it reads it, so `/proc/PID/environ` shows the first tunable only; both are read (`serverFlags.test.ts`
 * measures their effect). The tunables mean nothing elsewhere than glibc (macOS, Windows, musl), where the server
 * is not given them; one the user set is kept.
 *
 * Certificates. Where the editor's environment names a file of extra certificate authorities
 * (`NODE_EXTRA_CA_CERTS`, as proxies and company networks set it), Node reads that file, and its own list of
 * authorities, into memory as the process starts, whether the process ever opens a TLS connection or not. The server
 * opens none: it is started with the variable empty, which Node takes as no file. On the machine of the README's
 * tables, with the system's bundle of 144 authorities named there, a Node process that does nothing ran 50 ms and
 * peaked at 41.2 MB; with the variable empty, 20 ms and 39.4 MB.
 */

/** Node's own pool size, and the most the server asks for. */
export const NODE_DEFAULT_POOL = 4;

/** The largest semi-space of V8's young generation, in MB (V8's own limit here: 16). */
export const SEMI_SPACE_MB = 4;

/** V8's helper threads for a machine with `cores` cores. */
export function helperThreads(cores: number): number {
  const n = Number.isFinite(cores) ? Math.floor(cores) : 1;
  return Math.max(1, Math.min(NODE_DEFAULT_POOL, n - 1));
}

/** The flag that has V8 record type feedback from a function's first call (see above). */
export const EAGER_FEEDBACK_FLAG = '--no-lazy-feedback-allocation';

/** Node's command-line flags (before the script) for the server on a machine with `cores` cores. */
export function serverNodeFlags(cores: number): string[] {
  return [`--v8-pool-size=${helperThreads(cores)}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, EAGER_FEEDBACK_FLAG, '--expose-gc'];
}

/** The size (1 MiB) from which malloc maps a block by itself, and up to which it keeps free memory at a heap's top. */
export const MALLOC_THRESHOLD_BYTES = 1024 * 1024;

/** glibc's tunables the server is started with on Linux (see above). */
export const MALLOC_TUNABLES: readonly string[] = [`glibc.malloc.mmap_threshold=${MALLOC_THRESHOLD_BYTES}`, `glibc.malloc.trim_threshold=${MALLOC_THRESHOLD_BYTES}`];

/** The variable that names a file of certificate authorities Node reads as it starts (see above). */
export const EXTRA_CERTIFICATES_VARIABLE = 'NODE_EXTRA_CA_CERTS';

/**
 * Environment variables to add to the server's on `platform`, given the editor's own (`inherited`): the tunables
 * above on Linux, after any tunables the user set (one the user set keeps the user's value), and the extra
 * certificates' variable emptied wherever the editor's names a file.
 */
export function serverEnvironment(platform: string, inherited: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  if (inherited[EXTRA_CERTIFICATES_VARIABLE]) env[EXTRA_CERTIFICATES_VARIABLE] = '';
  if (platform !== 'linux') return env;
  const own = inherited.GLIBC_TUNABLES ?? '';
  const added = MALLOC_TUNABLES.filter((tunable) => !own.includes(tunable.slice(0, tunable.indexOf('=') + 1)));
  if (added.length > 0) env.GLIBC_TUNABLES = [own, ...added].filter((part) => part !== '').join(':');
  return env;
}

/** How an editor starts the server: Node's flags before the script, and the environment variables to add. */
export interface ServerLaunch {
  execArgv: string[];
  env: Record<string, string>;
}

/** The launch for a machine with `cores` cores on `platform`, whose editor has the environment `inherited`. */
export function serverLaunch(cores: number, platform: string, inherited: Record<string, string | undefined>): ServerLaunch {
  return { execArgv: serverNodeFlags(cores), env: serverEnvironment(platform, inherited) };
}

/** The launch with nothing added: Node's and glibc's defaults, for comparison. */
export const DEFAULT_LAUNCH: ServerLaunch = Object.freeze({ execArgv: [], env: {} });

/** The launch as a command line's words (`GLIBC_TUNABLES=… node --v8-pool-size=1 …`), for the README and reports. */
export function describeLaunch(launch: ServerLaunch): string {
  const env = Object.entries(launch.env).map(([key, value]) => `${key}=${value} `);
  if (env.length === 0 && launch.execArgv.length === 0) return "Node's and glibc's defaults";
  return `${env.join('')}node ${launch.execArgv.join(' ')}`;
}
