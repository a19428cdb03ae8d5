/**
 * Imports the module behind a route or a job on its first use, like a
 * Lambda's cold start, and keeps it. A module that failed to load is tried
 * again next time (it may be being written).
 */
export function handlerLoader<H>(folder: 'handlers' | 'workers'): (module: string) => Promise<H> {
  const loaded = new Map<string, Promise<H>>();
  return (module) => {
    let loading = loaded.get(module);
    if (!loading) {
      loading = import(`../${folder}/${module}`).then((exports: { handler?: unknown }) => {
        if (typeof exports.handler !== 'function') throw new Error(`src/${folder}/${module} exports no handler function`);
        return exports.handler as H;
      });
      loading.catch(() => loaded.delete(module));
      loaded.set(module, loading);
    }
    return loading;
  };
}
