/** Every analysis covers this many days up to its moment (metrics.md "Window": `windowDays`, default 90). */
export const WINDOW_DAYS = 90;
