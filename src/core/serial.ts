// A queue that runs async tasks one after another, so read-modify-write cycles
// on storage never interleave when several tabs report at the same moment.

export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    // Keep the chain alive after a failure; the caller still sees the error.
    tail = result.catch(() => undefined);
    return result;
  };
}
